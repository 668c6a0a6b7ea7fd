/**
 * Polish (pl) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/pl.json
 * - Lighthouse has no Polish list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "pl",
  name: "Polish",
  dir: "ltr",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/pl.json", "Lighthouse has no Polish list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["kliknij tutaj", "kliknij", "tutaj", "tu", "więcej", "więcej informacji", "czytaj więcej", "czytaj dalej", "dowiedz się więcej", "zobacz więcej", "dalej", "kontynuuj", "wyślij", "link", "ten link", "szczegóły", "przycisk", "info"],
  verbs: ["kup", "kupuj", "kupić", "zamów", "zamówić", "sprawdź", "sprawdzić", "zobacz", "zobaczyć", "odbierz", "odebrać", "pobierz", "pobrać", "zarejestruj", "zarejestruj się", "zapisz", "zapisz się", "dołącz", "dołączyć", "rozpocznij", "zacznij", "wypróbuj", "przetestuj", "odkryj", "poznaj", "przeczytaj", "czytaj", "obejrzyj", "oglądaj", "posłuchaj", "słuchaj", "dodaj", "dodać", "potwierdź", "potwierdzić", "aktywuj", "zaloguj", "zaloguj się", "skorzystaj", "wybierz", "znajdź", "zarezerwuj", "rezerwuj", "udostępnij", "oceń", "zagłosuj", "odnów", "zaktualizuj", "zapłać", "opłać", "skontaktuj", "napisz", "wypełnij", "weź", "zgarnij", "przejdź", "odwiedź", "zainstaluj", "zmień", "ustaw", "zresetuj", "zarządzaj", "śledź", "obserwuj", "subskrybuj", "wesprzyj", "przekaż", "zwiń", "skopiuj", "kopiuj", "drukuj", "wydrukuj", "otwórz", "otwórzcie", "rozwiń", "zgłoś", "wyświetl", "pokaż", "zamknij", "ukryj", "wyślij", "edytuj"],
  particles: ["teraz", "już", "tak"],
  unsubscribe: ["wypisz się", "wypisz mnie", "wypisać się", "wypisanie", "wypisz*", "odsubskrybuj", "anuluj subskrypcję", "zrezygnuj z subskrypcji", "zrezygnuj z newslettera", "rezygnacja z subskrypcji", "rezygnacja z newslettera", "nie chcę otrzymywać"],
  preferences: ["preferencje", "zmień preferencje", "zarządzaj preferencjami", "zarządzaj subskrypcją", "ustawienia powiadomień", "zaktualizuj profil"],
  viewOnline: ["zobacz w przeglądarce", "otwórz w przeglądarce", "wyświetl w przeglądarce", "wersja online", "wersja przeglądarkowa", "zobacz online"],
  footer: ["wszelkie prawa zastrzeżone", "prawa zastrzeżone", "polityka prywatności", "regulamin", "otrzymujesz tę wiadomość", "otrzymałeś tę wiadomość", "ta wiadomość została wysłana", "wysłano do", "regon"],
  transactional: ["zresetuj hasło", "zresetować hasło", "resetowanie hasła", "reset hasła", "nie pamiętasz hasła", "zapomniałeś hasła", "nowe hasło", "zmień hasło", "zmiana hasła", "jeśli nie prosiłeś", "jeśli to nie ty", "potwierdź swój adres", "potwierdź adres", "potwierdź swoje konto", "potwierdź konto", "potwierdź swój e-mail", "potwierdź rejestrację", "potwierdzenie rejestracji", "potwierdzenie adresu", "zweryfikuj swój adres", "zweryfikuj adres", "kod weryfikacyjny", "kod bezpieczeństwa", "alert bezpieczeństwa", "nowe urządzenie", "podejrzana aktywność", "faktur*", "paragon", "twoje zamówienie", "zamówieni*", "numer zamówienia", "potwierdzenie zamówienia", "szczegóły zamówienia", "zostało wysłane", "numer przesyłki", "śledzenie przesyłki", "płatność otrzymana", "płatność odrzucona", "metoda płatności", "zwrot pieniędzy", "aktywuj konto", "aktywuj swoje konto", "aktywować swoje konto", "dane logowania", "nazwa użytkownika", "twój znajomy", "twoja znajoma"],
  service: ["witamy", "witaj w", "dziękujemy za rejestrację", "twoje konto", "swoje konto", "zaprasza cię", "zaproszenie", "zaprosił*", "nowy komentarz", "skomentował*", "powiadomieni*", "hasł*", "zaloguj się", "logowanie", "przypisany do", "przypisane do", "przypisano", "nowe zadanie", "zadanie przypisane", "twoja wizyta"],
  marketing: ["newsletter", "rabat", "rabaty", "zniżk*", "kod rabatowy", "kupon", "promocj*", "oferta specjalna", "wyprzedaż", "darmowa dostawa", "bezpłatna dostawa", "kup teraz", "tylko dziś", "ostatnia szansa", "nie przegap", "nowości", "nowa kolekcja", "tęsknimy", "newsletter*"],
};

export default words;
