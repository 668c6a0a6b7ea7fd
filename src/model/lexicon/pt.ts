/**
 * Portuguese (pt) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the pt set)
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/pt.json and pt-BR.json
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "pt",
  name: "Portuguese",
  dir: "ltr",
  verbPosition: "first",
  sources: ["Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the pt set)", "listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/pt.json and pt-BR.json", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus"],
  vague: ["clique aqui", "clica aqui", "carregue aqui", "aqui", "ir", "mais informação", "mais informações", "mais", "veja mais", "ver mais", "saiba mais", "leia mais", "continuar", "enviar", "link", "este link", "confira", "detalhes", "próximo", "botão", "info"],
  verbs: ["acesse", "acessar", "aceda", "aceder", "adicione", "adicionar", "ative", "ativar", "agende", "agendar", "aproveite", "aproveitar", "assine", "assinar", "baixe", "baixar", "descarregue", "descarregar", "cadastre-se", "cadastrar", "comece", "começar", "compre", "comprar", "confirme", "confirmar", "conheça", "conhecer", "crie", "criar", "descubra", "descobrir", "encontre", "encontrar", "entre", "entrar", "experimente", "experimentar", "fale", "falar", "faça", "fazer", "garanta", "garantir", "inscreva-se", "inscrever", "leia", "ler", "obtenha", "obter", "participe", "participar", "peça", "pedir", "receba", "receber", "redefina", "redefinir", "registre-se", "registe-se", "registar", "registrar", "reserve", "reservar", "responda", "responder", "resgate", "resgatar", "saiba", "veja", "ver", "verifique", "verificar", "visite", "visitar", "compartilhe", "partilhe", "gerencie", "gerir", "escolha", "escolher", "renove", "renovar", "atualize", "atualizar", "complete", "completar", "finalize", "finalizar", "pague", "pagar", "assista", "assistir", "ouça", "ouvir", "vote", "instale", "guarde", "salve", "subscreva", "subscrever", "ganhe", "confira", "conferir", "siga", "seguir", "junte-se", "fechar", "feche", "copiar", "copie", "imprimir", "imprima", "salvar", "abrir", "abra", "abre", "arquivar", "expandir", "expanda", "mostrar", "mostre", "ocultar", "oculte", "recolher", "enviar", "envie", "editar", "edite", "denunciar", "reportar"],
  particles: ["agora", "já", "sim"],
  unsubscribe: ["cancelar subscrição", "cancelar a subscrição", "cancelar assinatura", "cancelar inscrição", "cancelar inscricao", "cancele a subscrição", "cancele sua inscrição", "descadastr*", "descadastre-se", "remover inscrição", "anular subscrição", "deixar de receber"],
  preferences: ["preferências", "gerir preferências", "gerenciar preferências", "atualizar perfil", "atualize seu perfil", "gerir subscrição", "gerenciar assinatura"],
  viewOnline: ["ver no navegador", "veja no navegador", "visualizar no navegador", "ver online", "versão online", "versão web", "abrir no navegador"],
  footer: ["todos os direitos reservados", "direitos reservados", "política de privacidade", "termos de uso", "termos e condições", "você recebeu este e-mail", "você está recebendo este", "recebeu este email", "recebeu este e-mail", "este e-mail foi enviado", "enviado para"],
};

export default words;
