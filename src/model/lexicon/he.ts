/**
 * Hebrew (he) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/he.json
 * - Lighthouse has no Hebrew list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "he",
  name: "Hebrew",
  dir: "rtl",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/he.json", "Lighthouse has no Hebrew list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["לחץ כאן", "לחצו כאן", "הקליקו כאן", "כאן", "עוד", "לפרטים נוספים", "קרא עוד", "קראו עוד", "למידע נוסף", "מידע נוסף", "פרטים", "המשך", "הבא", "שלח", "שלחו", "קישור", "הקישור הזה", "כפתור"],
  verbs: ["קנה", "קנו", "לקנייה", "הזמן", "הזמינו", "להזמנה", "הזמינו עכשיו", "הורד", "הורידו", "להורדה", "הירשם", "הירשמו", "להרשמה", "הצטרף", "הצטרפו", "להצטרפות", "התחל", "התחילו", "נסה", "נסו", "גלה", "גלו", "קרא", "קראו", "צפה", "צפו", "לצפייה", "האזינו", "הוסף", "הוסיפו", "אשר", "אשרו", "לאישור", "הפעל", "הפעילו", "היכנס", "היכנסו", "בחר", "בחרו", "מצא", "מצאו", "שתף", "שתפו", "דרג", "דרגו", "חדש", "חדשו", "עדכן", "עדכנו", "שלם", "שלמו", "לתשלום", "צור קשר", "כתוב", "כתבו", "מלא", "מלאו", "קבל", "קבלו", "לקבלת", "בקר", "בקרו", "התקן", "התקינו", "שנה", "אפס", "נהל", "עקוב", "עקבו", "שמור", "שמרו", "השב", "הגש", "תרום", "תרמו", "ממשו", "נצלו", "לרכישה", "רכשו", "הזמנה", "להרשמה", "שריינו", "בואו", "כיווץ", "העתקה", "העתקת", "שמירה", "שמירת", "פתיחה", "פתיחת", "הרחבה", "הרחבת", "דיווח", "צפייה", "הצגה", "הצגת", "סגירה", "הסתרה", "שליחה", "שליחת", "עריכה", "הורדה", "הורדת", "רכישה", "רכישת", "הרשמה", "קנייה", "בחירה", "מעבר"],
  particles: ["עכשיו", "כעת", "כן"],
  unsubscribe: ["ביטול רישום", "ביטול הרשמה", "ביטול מנוי", "להסרה", "הסר", "הסרה", "הסרה מרשימת תפוצה", "הסרה מהרשימה", "הפסק את ההרשמה", "לביטול ההרשמה", "לביטול המנוי"],
  preferences: ["העדפות", "ניהול העדפות", "עדכון העדפות", "הגדרות דיוור", "עדכון פרטים"],
  viewOnline: ["הצג בדפדפן", "צפה בדפדפן", "לצפייה בדפדפן", "פתח בדפדפן", "גרסת אינטרנט", "לצפייה בגרסת הדפדפן"],
  footer: ["כל הזכויות שמורות", "מדיניות פרטיות", "תנאי שימוש", "קיבלת הודעה זו", "קיבלת את המייל", "נשלח אל", "הודעה זו נשלחה"],
  transactional: ["איפוס סיסמה", "לאפס את הסיסמה", "שכחת את הסיסמה", "סיסמה חדשה", "שינוי סיסמה", "אם לא ביקשת", "אמת את כתובת האימייל", "אימות האימייל", "אימות כתובת האימייל", "אשר את כתובת", "אישור כתובת", "אשר את החשבון", "אימות החשבון", "קוד אימות", "קוד אבטחה", "התראת אבטחה", "מכשיר חדש", "פעילות חשודה", "חשבונית", "קבלה", "ההזמנה שלך", "מספר הזמנה", "אישור הזמנה", "פרטי ההזמנה", "מספר מעקב", "התשלום התקבל", "התשלום נכשל", "אמצעי תשלום", "החזר כספי", "הפעל את החשבון", "הפעלת החשבון", "פרטי התחברות", "שם משתמש"],
  service: ["ברוך הבא", "ברוכה הבאה", "ברוכים הבאים", "תודה שנרשמת", "החשבון שלך", "הזמין אותך", "הזמנה", "תגובה חדשה", "הגיב", "התראות", "סיסמה", "סיסמא", "התחברות", "הוקצה לך", "הוקצתה לך", "שהוצבו לי", "משימה חדשה"],
  marketing: ["ניוזלטר", "עלון", "הנחה", "הנחות", "קוד הנחה", "קופון", "מבצע", "מבצעים", "הצעה מיוחדת", "סייל", "משלוח חינם", "קנו עכשיו", "לזמן מוגבל", "הזדמנות אחרונה", "אל תפספסו", "קולקציה חדשה", "מתגעגעים"],
};

export default words;
