/**
 * Greek (el): mail-type wording only (see ./index.ts). The lexicon has no label, footer or
 * unsubscribe lists for Greek, so word rules say nothing about it; the mail type can still be
 * read.
 * Sources:
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, application and order confirmations, password resets, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to and label_assigned_to_me_issues (https://github.com/redmine/redmine/blob/master/config/locales/el.yml)
 */
import type { MailTypeOnlyWords } from './types.js';

const words: MailTypeOnlyWords = {
  lang: "el",
  name: "Greek",
  sources: ["Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, application and order confirmations, password resets, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to and label_assigned_to_me_issues (https://github.com/redmine/redmine/blob/master/config/locales/el.yml)"],
  transactional: ["αριθμός αναφοράς", "αριθμό αναφοράς", "λάβαμε την αίτησή σας", "έχουμε λάβει την αίτησή σας", "η αίτησή σας", "την αίτησή σας", "την αίτηση σας", "απόδειξη", "απόδειξη πληρωμής", "τιμολόγιο", "η παραγγελία σας", "την παραγγελία σας", "αριθμός παραγγελίας", "επιβεβαίωση παραγγελίας", "η πληρωμή σας", "κωδικός επαλήθευσης", "κωδικός επιβεβαίωσης", "επαναφορά κωδικού", "νέος κωδικός πρόσβασης", "επιβεβαιώστε το email", "επιβεβαιώστε τη διεύθυνση", "ενεργοποίηση λογαριασμού", "αν δεν το ζητήσατε", "εάν δεν το ζητήσατε"],
  service: ["καλώς ήρθατε", "καλώς ήρθες", "ο λογαριασμός σας", "τον λογαριασμό σας", "κωδικός πρόσβασης", "ειδοποίηση", "ανάθεση σε", "σας ανατέθηκε", "έχουν ανατεθεί σε μένα", "νέα εργασία", "το ραντεβού σας"],
  marketing: ["ενημερωτικό δελτίο", "newsletter", "προσφορά", "προσφορές", "έκπτωση", "εκπτώσεις", "κουπόνι", "κωδικός έκπτωσης", "δωρεάν αποστολή", "αγόρασε τώρα", "αγοράστε τώρα", "τελευταία ευκαιρία", "μην το χάσετε", "νέα συλλογή", "μας λείψατε"],
};

export default words;
