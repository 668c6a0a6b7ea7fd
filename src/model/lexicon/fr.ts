/**
 * French (fr) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/fr.json
 * - Lighthouse has no French list; the entries translate its English set
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "fr",
  name: "French",
  dir: "ltr",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/fr.json", "Lighthouse has no French list; the entries translate its English set", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus"],
  vague: ["cliquez ici", "cliquer ici", "clique ici", "ici", "en savoir plus", "plus", "plus d'infos", "plus d'info", "plus d'information", "plus d'informations", "lire la suite", "voir plus", "en voir plus", "suite", "continuer", "envoyer", "valider", "soumettre", "lien", "ce lien", "go", "découvrir", "voir", "suivant", "détails", "bouton", "infos"],
  verbs: ["accéder", "accédez", "acheter", "achetez", "activer", "activez", "ajouter", "ajoutez", "commander", "commandez", "commencer", "commencez", "confirmer", "confirmez", "contacter", "contactez", "créer", "créez", "découvrir", "découvrez", "demander", "demandez", "donner", "donnez", "écouter", "écoutez", "essayer", "essayez", "s'inscrire", "inscrivez-vous", "inscrivez", "inscris-toi", "lire", "lisez", "obtenir", "obtenez", "participer", "participez", "partager", "partagez", "payer", "payez", "profiter", "profitez", "profite", "regarder", "regardez", "réserver", "réservez", "répondre", "répondez", "rejoindre", "rejoignez", "renouveler", "renouvelez", "télécharger", "téléchargez", "valider", "validez", "vérifier", "vérifiez", "voir", "voyez", "choisir", "choisissez", "trouver", "trouvez", "suivre", "suivez", "explorer", "explorez", "gérer", "gérez", "mettre", "mettez", "passer", "passez", "finaliser", "finalisez", "recevoir", "recevez", "récupérer", "récupérez", "installer", "installez", "démarrer", "démarrez", "planifier", "planifiez", "noter", "notez", "voter", "votez", "s'abonner", "abonnez-vous", "abonnez", "réinitialiser", "réinitialisez", "connectez-vous", "connecter", "découvre", "achète", "commande", "réserve", "télécharge", "essaie", "donnez-nous", "offrez", "offrir", "acceptez", "accepter", "réduire", "réduisez", "copier", "copiez", "imprimer", "imprimez", "enregistrer", "enregistrez", "ouvrir", "ouvrez", "développer", "développez", "signaler", "signalez", "afficher", "affichez", "consulter", "consultez", "fermer", "fermez", "masquer", "masquez", "envoyer", "envoyez", "modifier", "modifiez", "agrandir", "agrandissez"],
  particles: ["maintenant", "oui", "vite", "se", "s'", "je", "j'en"],
  unsubscribe: ["se désabonner", "se desabonner", "désabonner", "desabonner", "désabonnez-vous", "désabonnement", "désinscri*", "desinscri*", "se désinscrire", "ne plus recevoir"],
  preferences: ["préférences", "gérer les préférences", "gérer mes préférences", "gérer vos préférences", "gérer mon abonnement", "gérer votre abonnement", "mettre à jour votre profil", "modifier mon profil"],
  viewOnline: ["voir version en ligne", "voir dans le navigateur", "voir la version en ligne", "version en ligne", "voir en ligne", "afficher dans le navigateur", "version web", "consulter en ligne", "voir cet e-mail dans votre navigateur", "voir ce message dans votre navigateur"],
  footer: ["tous droits réservés", "droits réservés", "politique de confidentialité", "confidentialité", "mentions légales", "conditions générales", "vous recevez cet e-mail", "vous recevez ce message", "vous avez reçu cet e-mail", "vous avez reçu ce message", "cet e-mail a été envoyé", "envoyé à"],
};

export default words;
