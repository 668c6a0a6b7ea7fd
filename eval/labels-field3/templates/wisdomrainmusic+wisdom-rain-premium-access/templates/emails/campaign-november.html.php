<!DOCTYPE html>
<html lang="tr">
<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{site_name}</title>
</head>
<body style="margin:0; padding:0; background-color:#111827;">
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="font-family:'Helvetica Neue', Helvetica, Arial, sans-serif;">
        <tr>
            <td align="center" style="padding:24px;">
                <table role="presentation" cellpadding="0" cellspacing="0" width="100%" style="max-width:600px; background:#ffffff; border-radius:12px; overflow:hidden;">
                    <tr>
                        <td style="padding:32px 40px; background:#111827;">
                            <h1 style="margin:0 0 16px; font-size:28px; color:#f97316;">Efsane Kasım başladı!</h1>
                            <p style="margin:0 0 16px; font-size:16px; line-height:1.6; color:#f9fafb;">
                                Merhaba {user_first_name}, yılın en büyük indirim döneminde {plan_name} aboneliğine % {discount_percentage} indirimle katılabilirsiniz. Kampanya yalnızca {campaign_end_date} tarihine kadar geçerli.
                            </p>
                            <p style="margin:0 0 24px; font-size:16px; line-height:1.6; color:#e5e7eb;">
                                İndirimli abonelikle sınırsız ders, tematik paketler ve sertifika programlarına erişin. Hemen harekete geçin.
                            </p>
                            <p style="text-align:center; margin:0 0 32px;">
                                <a href="{subscribe_url}" style="display:inline-block; padding:14px 32px; background:#f97316; color:#111827; font-size:16px; font-weight:700; border-radius:8px; text-decoration:none;">İndirimi Kullan</a>
                            </p>
                            <p style="margin:0; font-size:14px; line-height:1.6; color:#cbd5f5;">
                                Stoklarla sınırlı bonus paketlerimiz hakkında daha fazla bilgi için {support_email} adresinden bize ulaşabilirsiniz.
                            </p>
                        </td>
                    </tr>
                    <tr>
                        <td style="background:#111827; padding:20px 40px; text-align:center;">
                            <p style="margin:0; font-size:13px; color:#9ca3af;">© {site_name} · <a href="{dashboard_url}" style="color:#38bdf8; text-decoration:none;">Kontrol Paneli</a> · <a href="{unsubscribe_url}" style="color:#38bdf8; text-decoration:none;">Bildirimleri Kapat</a></p>
                        </td>
                    </tr>
                </table>
            </td>
        </tr>
    </table>
</body>
</html>
