/**
 * Japanese (ja) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the ja set)
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/ja.json
 * - Japanese is verb-final: a button closes with the verb or a verbal noun (カートに入れる, 今すぐ購入, 詳しく見る)
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "ja",
  name: "Japanese",
  dir: "ltr",
  verbPosition: "last",
  sources: ["Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the ja set)", "listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/ja.json", "Japanese is verb-final: a button closes with the verb or a verbal noun (カートに入れる, 今すぐ購入, 詳しく見る)", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["ここをクリック", "こちらをクリック", "リンク", "続きを読む", "続く", "全文表示", "こちら", "ここ", "詳細", "詳細はこちら", "詳しくはこちら", "もっと見る", "もっと読む", "クリック", "次へ", "送信", "ボタン", "情報"],
  verbs: ["購入", "買う", "注文", "予約", "登録", "申し込む", "申込", "申し込み", "お申し込み", "応募", "ダウンロード", "見る", "みる", "読む", "聴く", "聞く", "試す", "始める", "はじめる", "確認", "チェック", "入れる", "追加", "参加", "受け取る", "受け取り", "もらう", "ゲット", "探す", "さがす", "選ぶ", "シェア", "共有", "投票", "評価", "更新", "変更", "支払う", "支払い", "問い合わせ", "お問い合わせ", "問い合わせる", "ログイン", "サインイン", "インストール", "保存", "返信", "回答", "寄付", "利用", "使う", "体験", "視聴", "購読", "フォロー", "設定", "ショッピング", "買い物", "検索", "開始", "使ってみる", "見つける", "入手", "詳しく見る", "一覧を見る", "する", "しよう", "ください", "ましょう", "コピー", "印刷", "提出", "展開", "表示", "送信", "編集", "報告", "閲覧", "開く", "閉じる"],
  particles: ["今すぐ", "いますぐ", "すぐに", "無料で", "はい"],
  unsubscribe: ["配信停止", "配信解除", "メール配信停止", "配信を停止", "購読解除", "購読停止", "登録解除", "登録を取り消す", "登録を解除", "メールマガジンの解除", "メルマガ解除", "配信の停止"],
  preferences: ["配信設定", "設定変更", "メール設定", "登録情報の変更", "配信設定の変更", "受信設定"],
  viewOnline: ["ブラウザで閲覧", "ブラウザで見る", "ブラウザで表示", "ウェブで見る", "web版", "ウェブ版", "ブラウザでご覧", "正しく表示されない"],
  footer: ["無断転載", "無断複製", "all rights reserved", "プライバシーポリシー", "個人情報保護方針", "利用規約", "このメールは", "送信専用", "配信しています", "お送りしています", "特定商取引法"],
  transactional: ["パスワードの再設定", "パスワード再設定", "パスワードをリセット", "パスワードのリセット", "パスワードを忘れ", "新しいパスワード", "パスワードの変更", "パスワードを変更", "お心当たりのない", "心当たりがない", "身に覚えのない", "メールアドレスの確認", "メールアドレスを確認", "メールアドレスの認証", "アカウントの確認", "本登録", "仮登録", "認証コード", "確認コード", "セキュリティコード", "ワンタイムパスワード", "ログイン通知", "新しいデバイス", "不審なアクティビティ", "請求書", "領収書", "ご注文", "注文番号", "注文内容", "注文確認", "配送状況", "追跡番号", "お問い合わせ番号", "お支払い方法", "支払い方法", "決済", "返金", "アカウントを有効化", "ログイン情報", "会員情報の変更", "登録情報の変更", "登録内容の変更", "ご登録をご確認", "登録の確認", "購読しなかった場合"],
  service: ["ようこそ", "ご登録ありがとう", "アカウント", "招待", "新しいコメント", "コメントしました", "返信", "通知", "パスワード", "ログイン", "会員登録", "お問い合わせ", "お問合せ", "受付", "受け付け", "発送", "出荷", "お届け", "アサインされ", "割り当てられ", "担当者", "新しいタスク", "タスクの割り当て", "予約のリマインダー"],
  marketing: ["メールマガジン", "メルマガ", "ニュースレター", "割引", "クーポン", "セール", "キャンペーン", "特価", "期間限定", "数量限定", "送料無料", "今すぐ購入", "お買い得", "お得な", "新商品", "新作", "最後のチャンス", "お見逃しなく"],
};

export default words;
