/**
 * Arabic (ar) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/ar.json
 * - Lighthouse has no Arabic list; the entries translate its English set (its Persian set shares the script but not the words)
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "ar",
  name: "Arabic",
  dir: "rtl",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/ar.json", "Lighthouse has no Arabic list; the entries translate its English set (its Persian set shares the script but not the words)", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["اضغط هنا", "انقر هنا", "إضغط هنا", "هنا", "المزيد", "اقرأ المزيد", "معرفة المزيد", "اعرف المزيد", "للمزيد", "مزيد من المعلومات", "المزيد من المعلومات", "متابعة", "التالي", "إرسال", "ارسال", "رابط", "هذا الرابط", "التفاصيل", "تفاصيل", "زر", "معلومات"],
  verbs: ["احصل", "إحصل", "اشتر", "اشتري", "تسوق", "تسوّق", "اطلب", "احجز", "حمّل", "حمل", "نزّل", "سجل", "سجّل", "اشترك", "انضم", "ابدأ", "إبدأ", "جرب", "جرّب", "اكتشف", "استكشف", "اقرأ", "شاهد", "استمع", "أضف", "اضف", "أكد", "أكّد", "فعّل", "فعل", "ادخل", "سجّل الدخول", "اختر", "ابحث", "شارك", "قيّم", "قيم", "صوّت", "جدد", "جدّد", "حدّث", "حدث", "ادفع", "تواصل", "اتصل", "اكتب", "املأ", "خذ", "تفضل", "ثبّت", "ثبت", "غيّر", "أعد", "أدر", "تابع", "احفظ", "رد", "قدّم", "قدم", "تبرع", "استفد", "اغتنم", "تصفح", "اطّلع", "اطلع", "استمتع", "اربح", "فعّل", "راجع", "شراء", "تسجيل", "تحميل", "حجز", "اشتراك", "تصغير", "نسخ", "انسخ", "طباعة", "اطبع", "حفظ", "فتح", "افتح", "توسيع", "وسّع", "وسع", "إبلاغ", "أبلغ", "عرض", "اعرض", "إغلاق", "أغلق", "إخفاء", "إرسال", "أرسل", "تعديل", "عدّل", "تنزيل", "مشاهدة", "اطلاع", "طلب", "استكشاف", "اكتشاف", "بدء"],
  particles: ["الآن", "الان", "نعم"],
  unsubscribe: ["إلغاء الاشتراك", "الغاء الاشتراك", "إلغاء الإشتراك", "الغاء الإشتراك", "ألغ الاشتراك", "لإلغاء الاشتراك", "إيقاف الاشتراك", "إلغاء التسجيل"],
  preferences: ["التفضيلات", "إدارة التفضيلات", "ادارة التفضيلات", "تحديث التفضيلات", "إعدادات البريد", "تحديث الملف الشخصي"],
  viewOnline: ["اقرأ في المتصفح", "عرض في المتصفح", "افتح في المتصفح", "عرض في متصفح الويب", "النسخة الإلكترونية", "عرض على الإنترنت"],
  footer: ["جميع الحقوق محفوظة", "كل الحقوق محفوظة", "الحقوق محفوظة", "سياسة الخصوصية", "الشروط والأحكام", "شروط الاستخدام", "تلقيت هذه الرسالة", "تتلقى هذه الرسالة", "تم إرسال هذه الرسالة", "أرسلت إلى"],
  transactional: ["إعادة تعيين كلمة المرور", "إعادة تعيين كلمة السر", "نسيت كلمة المرور", "كلمة مرور جديدة", "تغيير كلمة المرور", "إذا لم تطلب", "إذا لم تقم بطلب", "تأكيد بريدك الإلكتروني", "أكد بريدك الإلكتروني", "تأكيد عنوان بريدك الإلكتروني", "تأكيد حسابك", "أكد حسابك", "تحقق من بريدك الإلكتروني", "التحقق من بريدك الإلكتروني", "رمز التحقق", "رمز التأكيد", "رمز الأمان", "تنبيه أمني", "جهاز جديد", "نشاط مريب", "فاتورة", "الفاتورة", "إيصال", "الإيصال", "طلبك", "رقم الطلب", "تأكيد الطلب", "ملخص الطلب", "تم شحن", "رقم التتبع", "تتبع الشحنة", "تم استلام الدفع", "فشل الدفع", "طريقة الدفع", "استرداد المبلغ", "تفعيل حسابك", "فعّل حسابك", "بيانات الدخول", "اسم المستخدم"],
  service: ["مرحبا بك", "أهلا بك", "مرحبًا بك", "شكرا لتسجيلك", "حسابك", "دعاك", "دعوة", "تعليق جديد", "علق على", "الإشعارات", "كلمة المرور", "تسجيل الدخول", "المحال اليه", "المسندة إلي", "أسندت إليك", "مسندة إليك", "مهمة جديدة", "تم تعيين"],
  marketing: ["النشرة الإخبارية", "نشرة إخبارية", "خصم", "خصومات", "كود الخصم", "رمز الخصم", "كوبون", "قسيمة", "عروض", "عرض خاص", "عرض حصري", "تخفيضات", "تنزيلات", "شحن مجاني", "تسوق الآن", "اشتر الآن", "لفترة محدودة", "الفرصة الأخيرة", "لا تفوت", "وصل حديثا", "مجموعة جديدة", "نفتقدك"],
};

export default words;
