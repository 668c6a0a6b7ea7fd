<!DOCTYPE html>
<html lang="tr">
<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{site_name}</title>
</head>
<body style="margin:0; padding:0; background-color:#0f172a;">
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="font-family:'Helvetica Neue', Helvetica, Arial, sans-serif;">
        <tr>
            <td align="center" style="padding:24px;">
                <table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="max-width:600px; background:#ffffff; border-radius:12px; overflow:hidden;">
                    <tr>
                        <td style="padding:32px 40px; background:url('{fireworks_image_url}') no-repeat center top / cover;">
                            <h1 style="margin:0 0 16px; font-size:28px; color:#facc15; text-shadow:0 1px 2px rgba(17,24,39,0.4);">Yeni yılı birlikte karşılayalım</h1>
                            <p style="margin:0 0 16px; font-size:16px; line-height:1.6; color:#f1f5f9;">
                                Merhaba {user_first_name}, {site_name} topluluğu olarak 31 Aralık akşamı düzenlediğimiz yeni yıl buluşmasına davetlisiniz. Niyet ritüelleri, canlı müzik ve özel hediyeler sizi bekliyor.
                            </p>
                            <p style="margin:0 0 24px; font-size:16px; line-height:1.6; color:#e2e8f0;">
                                Katılım için sınırlı kontenjanımız var. Hemen kaydolun ve yeni yıl hedeflerinizi birlikte planlayalım.
                            </p>
                            <p style="text-align:center; margin:0 0 32px;">
                                <a href="{campaign_event_url}" style="display:inline-block; padding:14px 32px; background:#0ea5e9; color:#0f172a; font-size:16px; font-weight:700; border-radius:8px; text-decoration:none;">Katılımı Onayla</a>
                            </p>
                            <p style="margin:0; font-size:14px; line-height:1.6; color:#cbd5f5;">
                                Etkinliği arkadaşlarınıza da davet etmek için {share_link} bağlantısını paylaşabilirsiniz. Sorularınızı {support_email} üzerinden bekliyoruz.
                            </p>
                        </td>
                    </tr>
                    <tr>
                        <td style="background:#0f172a; padding:20px 40px; text-align:center;">
                            <p style="margin:0; font-size:13px; color:#cbd5f5;">© {site_name} · <a href="{dashboard_url}" style="color:#38bdf8; text-decoration:none;">Kontrol Paneli</a> · <a href="{unsubscribe_url}" style="color:#38bdf8; text-decoration:none;">Bildirimleri Kapat</a></p>
                        </td>
                    </tr>
                </table>
            </td>
        </tr>
    </table>
</body>
</html>
