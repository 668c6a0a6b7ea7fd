Subject: Reply to topic: {!topicSubject!}
Content-Type: text/html; charset=UTF-8

<html lang="fr" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>{{topicSubject}}</title>
</head>
<body>
  <p>'{{replier}}' a répondu à la discussion '<a href="{!topicLink!}">{{topicSubject}}</a>' que vous suivez. Il se peut qu’il y ait davantage de nouvelles réponses, mais ce sera la seule notification jusqu’à ce que vous visitiez à nouveau le forum.</p>
  <p></p>
  <p>Contenu du message:</p>
  <p>-----------------------------------------------------------------------</p>
  <p></p>
  <div class="f-post-body">
    <div class="f-post-main">
      <p>{!message!}</p>
    </div>
  </div>
  <p></p>
  <p>-----------------------------------------------------------------------</p>
  <p></p>
  <p>Vous pouvez vous désabonner de cette discussion en visitant <a href="{!unsubscribeLink!}">link</a> et cliquer {!button!} sur le bouton situé en bas de page.</p>
  <p></p>
  <p>--</p>
  <p>{{fMailer}} Mailer</p>
  <p>(Ne pas répondre à ce message)</p>
</body>
</html>
