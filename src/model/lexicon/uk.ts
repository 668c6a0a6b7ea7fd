/**
 * Ukrainian (uk) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/uk.json
 * - Lighthouse has no Ukrainian list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "uk",
  name: "Ukrainian",
  dir: "ltr",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/uk.json", "Lighthouse has no Ukrainian list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["натисніть тут", "клацніть тут", "натисніть", "тут", "тут", "детальніше", "докладніше", "більше", "дізнатися більше", "читати далі", "далі", "продовжити", "надіслати", "посилання", "це посилання", "деталі", "кнопка", "інфо", "перейти"],
  verbs: ["купити", "купуйте", "купіть", "замовити", "замовте", "оформити", "оформіть", "забронювати", "забронюйте", "завантажити", "завантажте", "зареєструватися", "зареєструйтеся", "записатися", "запишіться", "підписатися", "підпишіться", "приєднатися", "приєднуйтесь", "почати", "почніть", "спробувати", "спробуйте", "відкрити", "відкрийте", "дізнатися", "дізнайтеся", "прочитати", "прочитайте", "читати", "читайте", "дивитися", "дивіться", "переглянути", "перегляньте", "слухати", "слухайте", "додати", "додайте", "підтвердити", "підтвердіть", "активувати", "активуйте", "увійти", "увійдіть", "обрати", "оберіть", "вибрати", "виберіть", "знайти", "знайдіть", "поділитися", "поділіться", "оцінити", "оцініть", "проголосувати", "продовжити", "поновити", "оновити", "оновіть", "оплатити", "оплатіть", "зв'язатися", "зв’язатися", "написати", "напишіть", "заповнити", "заповніть", "отримати", "отримайте", "відвідати", "відвідайте", "встановити", "встановіть", "змінити", "змініть", "скинути", "керувати", "стежити", "зберегти", "збережіть", "відповісти", "дайте", "подати", "пожертвувати", "перейти", "перейдіть", "скористатися", "скористайтеся", "взяти", "візьміть", "пройти", "пройдіть", "підтримати", "підтримайте", "згорнути", "копіювати", "скопіювати", "друкувати", "надрукувати", "розгорнути", "повідомити", "показати", "закрити", "приховати", "надіслати", "надішліть", "редагувати"],
  particles: ["зараз", "вже", "так"],
  unsubscribe: ["відписатися", "відписатись", "відпишіться", "відписка", "відмовитися від розсилки", "скасувати підписку", "скасуйте підписку", "відписатися від розсилки"],
  preferences: ["керувати налаштуваннями", "налаштування розсилки", "керування підпискою", "оновити профіль"],
  viewOnline: ["відкрити в оглядачі", "переглянути в браузері", "відкрити в браузері", "веб-версія", "онлайн-версія"],
  footer: ["усі права захищені", "всі права захищені", "політика конфіденційності", "умови використання", "ви отримали цей лист", "ви отримуєте цей лист", "цей лист надіслано", "лист надіслано на", "єдрпоу"],
  transactional: ["скинути пароль", "скидання пароля", "відновити пароль", "відновлення пароля", "забули пароль", "новий пароль", "змінити пароль", "зміна пароля", "якщо ви не надсилали", "якщо ви не запитували", "якщо це були не ви", "підтвердіть вашу електронну адресу", "підтвердіть свою електронну адресу", "підтвердіть адресу", "підтвердіть ваш обліковий запис", "підтвердіть обліковий запис", "підтвердіть реєстрацію", "підтвердження реєстрації", "код підтвердження", "код безпеки", "одноразовий код", "сповіщення безпеки", "новий пристрій", "підозріла активність", "рахунок-фактура", "рахунок на оплату", "квитанція", "ваше замовлення", "номер замовлення", "підтвердження замовлення", "деталі замовлення", "замовлення відправлено", "номер відстеження", "оплату отримано", "платіж відхилено", "спосіб оплати", "повернення коштів", "активуйте обліковий запис", "активувати обліковий запис", "дані для входу", "ім'я користувача"],
  service: ["ласкаво просимо", "дякуємо за реєстрацію", "ваш обліковий запис", "обліков*", "запросив*", "запрошення", "новий коментар", "прокоментував*", "сповіщення", "парол*", "увійти", "підтверд*", "призначена до", "призначено вам", "вам призначено", "нове завдання", "нова задача", "виконавець"],
  marketing: ["розсилка", "знижк*", "промокод", "купон", "акція", "акції", "спеціальна пропозиція", "розпродаж", "безкоштовна доставка", "купити зараз", "тільки сьогодні", "останній шанс", "не пропустіть", "новинки", "нова колекція", "ми сумуємо"],
};

export default words;
