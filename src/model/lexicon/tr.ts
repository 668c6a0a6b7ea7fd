/**
 * Turkish (tr) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/tr.json
 * - Lighthouse has no Turkish list; the entries translate its English set
 * - Turkish is verb-final: a button label closes with the imperative ("Hemen satın al", "Alışverişe başla")
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "tr",
  name: "Turkish",
  dir: "ltr",
  verbPosition: "last",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/tr.json", "Lighthouse has no Turkish list; the entries translate its English set", "Turkish is verb-final: a button label closes with the imperative (\"Hemen satın al\", \"Alışverişe başla\")", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["buraya tıklayın", "buraya tıkla", "tıklayın", "tıkla", "burada", "burası", "daha fazla", "daha fazlası", "daha fazla bilgi", "devamını oku", "devamı", "devam", "devam et", "gönder", "bağlantı", "bu bağlantı", "link", "detaylar", "ayrıntılar", "ileri", "buton", "bilgi"],
  verbs: ["al", "satın al", "incele", "keşfet", "başla", "başlat", "indir", "kaydol", "kayıt ol", "üye ol", "abone ol", "katıl", "dene", "oku", "izle", "dinle", "ekle", "sepete ekle", "onayla", "doğrula", "etkinleştir", "aktifleştir", "giriş yap", "seç", "bul", "paylaş", "değerlendir", "oy ver", "yenile", "güncelle", "öde", "iletişime geç", "yaz", "doldur", "ziyaret et", "yükle", "değiştir", "sıfırla", "yönet", "takip et", "kaydet", "yanıtla", "cevapla", "başvur", "bağış yap", "rezervasyon yap", "sipariş ver", "göz at", "gör", "kazan", "yararlan", "faydalan", "alışverişe başla", "hemen al", "talep et", "planla", "tamamla", "görüntüle", "gözat", "inceleyin", "keşfedin", "başlayın", "indirin", "katılın", "deneyin", "okuyun", "izleyin", "dinleyin", "ekleyin", "onaylayın", "alın", "seçin", "bulun", "paylaşın", "güncelleyin", "ödeyin", "yazın", "doldurun", "edin", "et", "yapın", "yap", "verin", "ver", "olun", "ol", "görün", "kazanın", "yararlanın", "faydalanın", "tamamlayın", "görüntüleyin", "kaydedin", "yanıtlayın", "başvurun", "planlayın", "bakın", "bak", "göz atın", "daralt", "kopyala", "aç", "genişlet", "bildir", "göster", "kapat", "gizle", "gönder", "düzenle", "yazdır"],
  particles: ["hemen", "şimdi", "evet"],
  unsubscribe: ["abonelikten çık", "abonelikten çıkın", "abonelikten ayrıl", "aboneliği iptal et", "aboneliği sonlandır", "üyeliği sonlandır", "üyelikten ayrıl", "listeden çık", "e-posta almak istemiyorum", "almak istemiyorsanız"],
  preferences: ["tercihler", "tercihleri yönet", "tercihlerinizi yönetin", "tercihlerini güncelle", "profili güncelle", "bildirim ayarları"],
  viewOnline: ["tarayıcıda görüntüle", "tarayıcıda aç", "web sürümü", "web versiyonu", "çevrimiçi görüntüle", "online görüntüle"],
  footer: ["tüm hakları saklıdır", "gizlilik politikası", "kvkk", "kullanım koşulları", "bu e-postayı aldınız", "bu e-posta size", "adresine gönderilmiştir"],
  transactional: ["şifrenizi sıfırlayın", "şifrenizi sıfırlamak", "şifre sıfırlama", "parolanızı sıfırlayın", "parola sıfırlama", "şifrenizi mi unuttunuz", "yeni şifre", "yeni parola", "şifrenizi değiştirin", "bu isteği siz yapmadıysanız", "siz talep etmediyseniz", "e-posta adresinizi onayla*", "e-posta adresinizi doğrula*", "hesabınızı onayla*", "hesabınızı doğrula*", "kaydınızı onayla*", "doğrulama kodu", "güvenlik kodu", "tek kullanımlık kod", "güvenlik uyarısı", "yeni cihaz", "şüpheli etkinlik", "fatura", "faturanız", "makbuz", "siparişiniz", "sipariş numarası", "sipariş onayı", "sipariş özeti", "kargoya verildi", "takip numarası", "kargo takip", "ödeme alındı", "ödeme başarısız", "ödeme yöntemi", "iade", "hesabınızı etkinleştir*", "giriş bilgileri", "kullanıcı adı"],
  service: ["hoş geldiniz", "kaydolduğunuz için teşekkürler", "hesabınız", "sizi davet etti", "davet", "davetiye", "yeni yorum", "yorum yaptı", "bildirimler", "şifre*", "parola*", "giriş yap*", "atanan", "size atandı", "sana atandı", "bana atanmış", "yeni görev", "randevunuz"],
  marketing: ["bülten", "e-bülten", "indirim", "indirimler", "indirim kodu", "kupon", "kampanya", "fırsat", "fırsatlar", "özel teklif", "ücretsiz kargo", "hemen al", "şimdi satın al", "sadece bugün", "son şans", "kaçırmayın", "yeni sezon", "yeni koleksiyon", "sizi özledik"],
};

export default words;
