<style>
    * {
        font-family: sans-serif,Arial;
        -webkit-font-smoothing: antialiased;
        font-weight: lighter;
    }
</style>

<div style="direction: {{direction}}">
    مرحبا {{name}},
    <br />
    <br />
    اتبع هذا الرابط للتحقق من عنوان بريدك الإلكتروني.
    <br />
    <a href="{{redirect}}">{{redirect}}</a>
    <br />
    <br />
    إذا لم تطلب التحقق من هذا العنوان، فيمكنك تجاهل هذه الرسالة.
    <br />
    <br />
    Thanks,
    <br />
    فريق {{project}}
</div>