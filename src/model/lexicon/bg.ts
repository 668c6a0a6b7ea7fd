/**
 * Bulgarian (bg): mail-type wording only (see ./index.ts). The lexicon has no label, footer or
 * unsubscribe lists for Bulgarian, so word rules say nothing about it; the mail type can still
 * be read.
 * Sources:
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { MailTypeOnlyWords } from './types.js';

const words: MailTypeOnlyWords = {
  lang: "bg",
  name: "Bulgarian",
  sources: ["Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  transactional: ["нова парола", "смяна на паролата", "възстановяване на парола", "възстановяване на паролата", "забравена парола", "потвърдете имейл*", "потвърдете вашия имейл", "потвърдете своя имейл", "потвърдете профила", "потвърдете регистрацията", "код за потвърждение", "код за достъп", "фактура", "касова бележка", "разписка", "вашата поръчка", "поръчка*", "номер на поръчка", "плащането е получено", "начин на плащане", "възстановяване на сумата", "активирайте профила", "активирай*", "потвърд*"],
  service: ["добре дош*", "администратор*", "кампани*", "благодарим за регистрацията", "вашият профил", "профил*", "акаунт*", "покан*", "нов коментар", "известия", "парол*", "вход", "заявк*", "запитван*", "дарени*", "банков*", "разрешени*", "възстанов*", "възложена на", "възложени на", "възложена ви", "нова задача"],
  marketing: ["бюлетин", "отстъпк*", "промоци*", "промо код", "купон", "специална оферта", "разпродажба", "безплатна доставка", "купи сега", "купете сега", "само днес", "последен шанс", "не пропускайте", "нова колекция"],
};

export default words;
