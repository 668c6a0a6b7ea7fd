Subject: Respuesta al tema: {!topicSubject!}
Content-Type: text/html; charset=UTF-8

<html lang="es" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>{{topicSubject}}</title>
</head>
<body>
  <p>'{{replier}}' ha respondido al tema '<a href="{!topicLink!}">{{topicSubject}}</a>' al que está suscrito. Es posible que haya más respuestas nuevas, pero esta es la única notificación que recibirás hasta que vuelvas a visitar el foro.</p>
  <p></p>
  <p>El mensaje dice lo siguiente:</p>
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
  <p>Puedes darte de baja en <a href="{!unsubscribeLink!}">link</a> y pulsando el botón {!button!} en la parte inferior de la página.</p>
  <p></p>
  <p>--</p>
  <p>{{fMailer}} Mailer</p>
  <p>(No respondas a este mensaje)</p>
</body>
</html>
