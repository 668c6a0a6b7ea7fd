<style>
    * {
        font-family: sans-serif,Arial;
        -webkit-font-smoothing: antialiased;
        font-weight: lighter;
    }
</style>

<div style="direction: {{direction}}">
    שלום {{name}},
    <br />
    <br />
    נא ללחוץ על הקישור שלהלן כדי לאמת את החשבון שלך.
    <br />
    <a href="{{redirect}}">{{redirect}}</a>
    <br />
    <br />
    אם לא ביקשת לאמת את כתובת הדוא״ל, ניתן להתעלם מההודעה זו.
    <br />
    <br />
    בברכה,
    <br />
    צוות {{project}}
</div>