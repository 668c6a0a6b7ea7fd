/**
 * Chinese (zh) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/zh-CN.json and zh-TW.json
 * - Lighthouse has no Chinese list; the entries translate its English set
 * - Chinese buttons open with the verb after an adverb such as 立即/马上 (立即预订, 查看详情)
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "zh",
  name: "Chinese",
  dir: "ltr",
  verbPosition: "first",
  sources: ["listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/zh-CN.json and zh-TW.json", "Lighthouse has no Chinese list; the entries translate its English set", "Chinese buttons open with the verb after an adverb such as 立即/马上 (立即预订, 查看详情)", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["点击这里", "点击此处", "點擊這裡", "点击", "點擊", "这里", "這裡", "此处", "此處", "更多", "了解更多", "瞭解更多", "查看更多", "阅读更多", "閱讀更多", "更多信息", "更多資訊", "详情", "詳情", "继续", "繼續", "下一步", "提交", "发送", "發送", "链接", "連結", "按钮", "按鈕"],
  verbs: ["购买", "購買", "买", "買", "预订", "預訂", "预约", "預約", "订购", "訂購", "下单", "下單", "下载", "下載", "注册", "註冊", "登记", "登記", "报名", "報名", "订阅", "訂閱", "加入", "开始", "開始", "试用", "試用", "体验", "體驗", "发现", "發現", "探索", "阅读", "閱讀", "观看", "觀看", "收听", "收聽", "添加", "加入购物车", "加入購物車", "确认", "確認", "激活", "启用", "啟用", "登录", "登錄", "登入", "选择", "選擇", "查找", "寻找", "分享", "评价", "評價", "投票", "续订", "續訂", "更新", "升级", "升級", "支付", "付款", "联系", "聯繫", "聯絡", "填写", "填寫", "领取", "領取", "获取", "獲取", "访问", "訪問", "安装", "安裝", "更改", "重置", "管理", "关注", "關注", "保存", "回复", "回覆", "申请", "申請", "捐赠", "捐贈", "抢购", "搶購", "选购", "選購", "查看", "逛逛", "去逛", "参加", "參加", "使用", "兑换", "兌換", "收起", "复制", "複製", "打印", "列印", "另存为", "另存為", "打开", "開啟", "打開", "展开", "展開", "提交", "显示", "顯示", "关闭", "關閉", "隐藏", "隱藏", "发送", "編輯", "编辑", "举报", "舉報"],
  particles: ["立即", "马上", "馬上", "现在", "現在", "立刻", "免费", "免費", "点击", "點擊", "快来", "快來", "去"],
  unsubscribe: ["退订", "退訂", "取消订阅", "取消訂閱", "退出订阅", "退出訂閱", "取消邮件订阅", "退订邮件"],
  preferences: ["偏好设置", "偏好設定", "管理偏好", "管理喜好設定", "订阅设置", "訂閱設定", "邮件设置", "郵件設定", "更新资料"],
  viewOnline: ["在浏览器中查看", "在瀏覽器中查看", "网页版", "網頁版", "在线查看", "線上查看", "无法正常显示", "無法正常顯示"],
  footer: ["版权所有", "版權所有", "保留所有权利", "保留所有權利", "隐私政策", "隱私政策", "隐私权政策", "使用条款", "使用條款", "此邮件由", "此郵件由", "您收到此邮件", "您收到此郵件", "系统自动发送", "系統自動發送"],
  transactional: ["重置密码", "重设密码", "找回密码", "忘记密码", "新密码", "修改密码", "更改密码", "重設密碼", "忘記密碼", "如果您没有请求", "如非本人操作", "如果这不是您", "验证您的邮箱", "验证邮箱", "验证您的电子邮件", "验证电子邮件", "验证您的", "确认您的邮箱", "确认邮箱", "确认您的电子邮件", "驗證您的", "验证码", "驗證碼", "安全码", "一次性密码", "安全提醒", "新设备", "异常登录", "可疑活动", "发票", "發票", "收据", "收據", "您的订单", "您的訂單", "订单号", "订单编号", "订单确认", "订单详情", "已发货", "物流单号", "快递单号", "付款成功", "支付成功", "付款失败", "支付方式", "退款", "激活您的账户", "激活账户", "激活帐户", "登录信息", "用户名"],
  service: ["欢迎", "歡迎", "感谢注册", "感谢您注册", "您的账户", "您的帐户", "您的账号", "邀请您", "邀請", "新评论", "回复了", "回复", "回覆", "通知", "密码", "密碼", "登录", "登入", "注册", "註冊", "指派给", "分配给", "新任务", "已分配", "指派人"],
  marketing: ["新闻简报", "电子报", "折扣", "优惠", "优惠券", "优惠码", "折扣码", "促销", "特价", "特惠", "大促", "限时", "限時", "免运费", "包邮", "立即购买", "马上抢购", "新品上市", "最后机会", "不要错过", "我们想念你"],
};

export default words;
