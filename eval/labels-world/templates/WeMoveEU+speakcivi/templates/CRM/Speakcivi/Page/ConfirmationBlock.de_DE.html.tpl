<table width="100%" border="0" cellspacing="0" cellpadding="0">
  <tr>
    <td>
      <table border="0" cellspacing="10" cellpadding="0">
        <tr>
          <td align="center" style="-webkit-border-radius: 3px; -moz-border-radius: 3px; border-radius: 3px;" bgcolor="#941b80"><a href="{$url_confirm_and_keep}" target="_blank" style="font-size: 16px; font-family: Helvetica, Arial, sans-serif; color: #ffffff; text-decoration: none; text-decoration: none; -webkit-border-radius: 3px; -moz-border-radius: 3px; border-radius: 3px; padding: 12px 18px; border: 1px solid #7e176d; display: inline-block;">Ich bestätige meine E-Mail-Adresse und möchte weitere Informationen erhalten</a></td>
        </tr>
        <tr>
          <td align="center" style="-webkit-border-radius: 3px; -moz-border-radius: 3px; border-radius: 3px;" bgcolor="#999999"><a href="{$url_confirm_and_not_receive}" target="_blank" style="font-size: 16px; font-family: Helvetica, Arial, sans-serif; color: #ffffff; text-decoration: none; text-decoration: none; -webkit-border-radius: 3px; -moz-border-radius: 3px; border-radius: 3px; padding: 12px 18px; border: 1px solid #777777; display: inline-block;">Ich bestätige meine E-Mail-Adresse und möchte keine weiteren Informationen erhalten</a></td>
        </tr>
      </table>
    </td>
  </tr>
</table>

<p style="font-size:16px;font-family: arial,helvetica,sans-serif;">Wenn Sie sich für weitere Informationen entscheiden, erklären Sie sich damit einverstanden, von uns Kampagnen-E-Mails zu erhalten. Seien Sie versichert: Wir tun unser Bestes, damit die Neuigkeiten interessant für Sie sind. Sie können sich jederzeit wieder abmelden.</p>

<p style="font-size:16px;font-family: arial,helvetica,sans-serif;"> Wir nehmen den Schutz Ihrer Daten sehr ernst und werden Ihre Daten ohne Ihre ausdrückliche Zustimmung nicht an Dritte weitergeben. Mehr dazu erfahren Sie in <a href="https://www.wemove.eu/de/privacy-policy">unserer Datenschutzerklärung</a></p>

<script type="application/ld+json">
{ldelim}
  "@context": "http://schema.org",
  "@type": "EmailMessage",
  "potentialAction": {ldelim}
    "@type": "ConfirmAction",
    "name": "Ich bestätige meine E-Mail-Adresse und möchte weitere Informationen erhalten",
    "handler": {ldelim}
      "@type": "HttpActionHandler",
      "url": "{$url_confirm_and_keep}-schema"
    {rdelim}
  {rdelim},
  "description": "Ich bestätige meine E-Mail-Adresse und möchte weitere Informationen erhalten"
{rdelim}
</script>
