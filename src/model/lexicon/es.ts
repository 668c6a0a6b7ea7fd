/**
 * Spanish (es) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the es set)
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/es.json
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "es",
  name: "Spanish",
  dir: "ltr",
  verbPosition: "first",
  sources: ["Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the es set)", "listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/es.json", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus"],
  vague: ["click aquí", "click aqui", "clicka aquí", "clicka aqui", "pincha aquí", "pincha aqui", "haz clic aquí", "haz clic aqui", "haga clic aquí", "haga clic aqui", "aquí", "aqui", "más", "mas", "más información", "más informacion", "mas información", "mas informacion", "este", "enlace", "este enlace", "empezar", "leer más", "leer mas", "ver más", "ver mas", "continuar", "enviar", "saber más", "saber mas", "ir", "info", "más info", "detalles", "siguiente", "botón", "link"],
  verbs: ["accede", "acceder", "activa", "activar", "añade", "añadir", "agrega", "agregar", "aprovecha", "aprovechar", "compra", "comprar", "comienza", "comenzar", "confirma", "confirmar", "consigue", "conseguir", "contacta", "contactar", "crea", "crear", "descarga", "descargar", "descárgalo", "descubre", "descubrir", "empieza", "empezar", "encuentra", "encontrar", "escucha", "escuchar", "explora", "explorar", "haz", "hacer", "inscríbete", "inscribirse", "inicia", "iniciar", "lee", "leer", "mira", "mirar", "obtén", "obtener", "paga", "pagar", "participa", "participar", "pide", "pedir", "prueba", "probar", "recibe", "recibir", "regístrate", "registrarse", "reserva", "reservar", "responde", "responder", "restablece", "restablecer", "suscríbete", "suscribirse", "únete", "unirse", "ver", "ve", "verifica", "verificar", "visita", "visitar", "comparte", "compartir", "gestiona", "gestionar", "elige", "elegir", "renueva", "renovar", "actualiza", "actualizar", "completa", "completar", "finaliza", "finalizar", "solicita", "solicitar", "canjea", "canjear", "vota", "votar", "instala", "instalar", "guarda", "guardar", "consulta", "consultar", "danos", "dinos", "reclama", "llama", "accede", "apúntate", "entra", "entrar", "sigue", "seguir", "agenda", "agendar", "contraer", "contrae", "copiar", "copia", "imprimir", "imprime", "abrir", "abre", "ampliar", "amplía", "notificar", "notifica", "mostrar", "muestra", "cerrar", "cierra", "ocultar", "oculta", "expandir", "expande", "editar", "edita", "informar", "informa", "reportar", "envía", "enviar"],
  particles: ["ahora", "ya", "sí", "si"],
  unsubscribe: ["darse de baja", "darte de baja", "date de baja", "dar de baja", "dese de baja", "baja de la lista", "cancelar suscripción", "cancelar suscripcion", "cancelar la suscripción", "cancelar la suscripcion", "anular suscripción", "anular la suscripción", "desuscribir*", "desuscríbete", "desinscribir*"],
  preferences: ["preferencias", "gestionar suscripción", "gestiona tu suscripción", "gestionar tus preferencias", "actualizar perfil", "actualiza tu perfil", "configuración de correo"],
  viewOnline: ["ver la versión en navegador", "ver la versión en el navegador", "ver la version en el navegador", "ver en el navegador", "ver en navegador", "ver en tu navegador", "ver la versión en línea", "versión web", "ver online", "ver en línea", "ver versión web"],
  footer: ["todos los derechos reservados", "derechos reservados", "política de privacidad", "aviso de privacidad", "aviso legal", "términos y condiciones", "recibes este correo", "has recibido este correo", "recibiste este correo", "este correo fue enviado", "enviado a"],
};

export default words;
