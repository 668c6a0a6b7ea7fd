Subject: 主题回复：{!topicSubject!}
Content-Type: text/html; charset=UTF-8

<html lang="zh" dir="ltr">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>{{topicSubject}}</title>
</head>
<body>
  <p>'{{replier}}' 在您订阅的主题 '<a href="{!topicLink!}">{{topicSubject}}</a>' 中发表了回复。可能还有更多新回复，但在您再次访问论坛之前，您只会收到这一次通知。</p>
  <p></p>
  <p>回复内容如下：</p>
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
  <p>您可以通过访问<a href="{!unsubscribeLink!}">此链接</a>并点击页面底部的{!button!}按钮来取消订阅。</p>
  <p></p>
  <p>--</p>
  <p>{{fMailer}} 邮件系统</p>
  <p>（请勿回复此消息）</p>
</body>
</html>
