/**
 * Korean (ko) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the ko set)
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/ko.json
 * - Korean is verb-final: a button closes with a verb form, often the noun form -기 (구매하기, 자세히 보기)
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 * - Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)
 * - Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write ("a task has been assigned to you"); appointment reminders: the project's own wording
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "ko",
  name: "Korean",
  dir: "ltr",
  verbPosition: "last",
  sources: ["Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the ko set)", "listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/ko.json", "Korean is verb-final: a button closes with a verb form, often the noun form -기 (구매하기, 자세히 보기)", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus", "Mail-type cues (transactional, service, marketing): the project's own wording (what receipts, password resets, address verification, account notices and promotions commonly say in this language)", "Task-assignment notification cues (service): Redmine's translations of field_assigned_to, label_assigned_to_me_issues, label_issue_assigned_to_updated (https://github.com/redmine/redmine/tree/master/config/locales), with the passive forms notifications write (\"a task has been assigned to you\"); appointment reminders: the project's own wording"],
  vague: ["여기", "여기를 클릭", "클릭", "링크", "자세히", "자세히 보기", "계속", "이동", "전체 보기", "더 보기", "더보기", "더 알아보기", "클릭하세요", "여기를 클릭하세요", "다음", "보내기", "제출", "버튼", "정보"],
  verbs: ["하기", "보기", "구매", "구입", "주문", "예약", "다운로드", "신청", "가입", "등록", "구독", "참여", "참가", "시작", "체험", "확인", "보기", "읽기", "듣기", "추가", "담기", "받기", "선택", "찾기", "공유", "평가", "투표", "갱신", "업데이트", "결제", "문의", "작성", "방문", "설치", "변경", "재설정", "관리", "팔로우", "저장", "답장", "응모", "후원", "쇼핑", "이용", "사용", "혜택", "하세요", "세요", "하자", "해보세요", "복사", "신고", "표시", "인쇄", "편집", "전송", "보내기", "닫기", "열기"],
  particles: ["지금", "바로", "지금 바로", "네"],
  unsubscribe: ["수신거부", "수신 거부", "수신 거부하기", "구독 취소", "구독취소", "구독 해지", "구독해지", "수신 해제", "수신거절", "수신 거절"],
  preferences: ["수신 설정", "환경설정", "환경설정 관리", "설정 관리", "구독 설정", "알림 설정"],
  viewOnline: ["브라우저에서 보기", "웹에서 보기", "웹 버전", "웹버전", "메일이 보이지 않으면", "이메일이 보이지 않"],
  footer: ["all rights reserved", "개인정보처리방침", "개인정보 처리방침", "개인정보 보호정책", "이용약관", "본 메일은", "이 메일은", "발신전용", "발신 전용", "사업자등록번호", "통신판매업"],
  transactional: ["비밀번호 재설정", "비밀번호를 재설정*", "비밀번호 찾기", "비밀번호를 잊*", "새 비밀번호", "비밀번호 변경", "비밀번호를 변경*", "요청하지 않*", "이메일 주소를 확인*", "이메일 주소 확인", "이메일 인증", "이메일을 인증*", "이메일 주소를 인증*", "계정 확인", "계정을 확인*", "인증 코드", "인증코드", "인증번호", "보안 코드", "보안 알림", "새 기기", "의심스러운 활동", "청구서", "영수증", "인보이스", "주문 번호", "주문번호", "주문 확인", "주문 내역", "주문하신", "배송 조회", "운송장 번호", "결제 완료", "결제 실패", "결제 수단", "환불", "계정 활성화", "계정을 활성화*", "로그인 정보", "사용자 이름"],
  service: ["환영합니다", "가입해 주셔서 감사합니다", "계정*", "초대*", "새 댓글", "댓글*", "알림", "비밀번호*", "로그인", "담당자", "할당되", "배정되", "새 작업", "내가 맡은 일감"],
  marketing: ["뉴스레터", "할인", "할인 코드", "쿠폰", "특가", "세일", "프로모션", "이벤트", "무료 배송", "지금 구매*", "기간 한정", "마지막 기회", "놓치지 마세요", "신상품", "신제품"],
};

export default words;
