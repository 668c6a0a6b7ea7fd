<style>
    * {
        font-family: sans-serif,Arial;
        -webkit-font-smoothing: antialiased;
        font-weight: lighter;
    }
</style>

<div style="direction: {{direction}}">
    {{name}}さん こんにちは。
    <br />
    <br />
    下記のリンクから {{project}} プロジェクトのパスワードを再設定してください。
    <br />
    <a href="{{redirect}}">{{redirect}}</a>
    <br />
    <br />
    お手数ですが、心当たりがない場合このメールを破棄してください。
    <br />
    <br />
    ありがとうございます。
    <br />
    {{project}} チーム
</div>
