/**
 * Czech (cs) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/cs.json
 * - Lighthouse has no Czech list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "cs",
  name: "Czech",
  dir: "ltr",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/cs.json", "Lighthouse has no Czech list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["klikněte zde", "klikni zde", "klikněte sem", "klikni sem", "zde", "sem", "více", "více informací", "číst více", "číst dál", "zjistit více", "zobrazit více", "pokračovat", "odeslat", "odkaz", "tento odkaz", "podrobnosti", "další", "tlačítko", "info"],
  verbs: ["kup", "kupte", "koupit", "nakupte", "nakupujte", "objednej", "objednejte", "objednat", "rezervuj", "rezervujte", "rezervovat", "stáhni", "stáhněte", "stáhnout", "zaregistruj", "zaregistrujte", "registrovat", "přihlas", "přihlaste", "přihlásit", "připoj", "připojte", "začni", "začněte", "začít", "vyzkoušej", "vyzkoušejte", "vyzkoušet", "objev", "objevte", "prozkoumej", "prozkoumejte", "přečti", "přečtěte", "přečíst", "čtěte", "podívej", "podívejte", "sledujte", "poslechněte", "přidej", "přidejte", "přidat", "potvrď", "potvrďte", "potvrdit", "aktivuj", "aktivujte", "aktivovat", "vyber", "vyberte", "vybrat", "najdi", "najděte", "sdílej", "sdílejte", "ohodnoťte", "hlasujte", "obnovte", "aktualizujte", "zaplať", "zaplaťte", "zaplatit", "kontaktujte", "napište", "vyplňte", "získej", "získejte", "získat", "navštivte", "nainstalujte", "změňte", "nastavte", "spravujte", "uložte", "odpovězte", "darujte", "zobrazit", "zobrazte", "prohlédněte", "využijte", "nakupovat", "sbalit", "sbalte", "kopírovat", "zkopírovat", "zkopírujte", "vytisknout", "vytiskněte", "tisknout", "uložit", "otevřít", "otevřete", "rozbalit", "rozbalte", "zaznamenat", "nahlásit", "nahlaste", "zavřít", "zavřete", "skrýt", "odeslat", "upravit", "upravte"],
  particles: ["nyní", "teď", "ihned", "ano"],
  unsubscribe: ["zrušit odběr", "zrušte odběr", "odhlásit odběr", "odhlásit se", "odhlaste se", "odhlášení", "odhlásit z odběru", "odhlásit se z odběru"],
  preferences: ["předvolby", "správa předvoleb", "upravit nastavení", "aktualizovat profil", "změnit údaje"],
  viewOnline: ["zobrazit v prohlížeči", "zobrazit online", "otevřít v prohlížeči", "webová verze", "online verze"],
  footer: ["všechna práva vyhrazena", "ochrana osobních údajů", "zásady ochrany osobních údajů", "obchodní podmínky", "tento e-mail jste obdrželi", "dostáváte tento e-mail", "tento e-mail byl odeslán", "odesláno na", "ičo", "dič"],
  transactional: ["obnovit heslo", "obnovení hesla", "resetovat heslo", "resetování hesla", "zapomenuté heslo", "zapomněli jste heslo", "nové heslo", "změnit heslo", "změna hesla", "pokud jste o to nežádali", "pokud jste nežádali", "potvrďte svůj e-mail", "potvrďte svou e-mailovou adresu", "potvrďte e-mailovou adresu", "potvrďte svou adresu", "potvrďte svůj účet", "potvrďte registraci", "potvrzení registrace", "ověřte svůj e-mail", "ověřovací kód", "bezpečnostní kód", "bezpečnostní upozornění", "nové zařízení", "podezřelá aktivita", "faktura", "účtenka", "vaše objednávka", "objednávk*", "číslo objednávky", "potvrzení objednávky", "souhrn objednávky", "byla odeslána", "sledovací číslo", "platba přijata", "platba se nezdařila", "způsob platby", "vrácení peněz", "aktivujte svůj účet", "aktivovat účet", "přihlašovací údaje", "uživatelské jméno"],
  service: ["vítejte", "děkujeme za registraci", "váš účet", "vás pozval", "tě pozval", "pozvánka", "nový komentář", "okomentoval*", "oznámení", "hesl*", "přihlásit se", "přiřazeno", "přiřazen vám", "přiřazena vám", "nový úkol", "úkol přiřazen"],
  marketing: ["newsletter", "zpravodaj", "sleva", "slevy", "slevový kód", "kupón", "kupon", "akce", "výprodej", "doprava zdarma", "nakupte nyní", "kupte nyní", "pouze dnes", "poslední šance", "nenechte si ujít", "novinky", "nová kolekce", "chybíte nám", "slev*"],
};

export default words;
