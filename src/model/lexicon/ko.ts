/**
 * Korean (ko) wording for the model's language questions (see ./index.ts).
 * Sources:
 * - Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the ko set)
 * - listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/ko.json
 * - Korean is verb-final: a button closes with a verb form, often the noun form -기 (구매하기, 자세히 보기)
 * - Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus
 */
import type { LanguageWords } from './types.js';

const words: LanguageWords = {
  lang: "ko",
  name: "Korean",
  dir: "ltr",
  verbPosition: "last",
  sources: ["Lighthouse link-text audit, nonDescriptiveLinkTexts: https://github.com/GoogleChrome/lighthouse/blob/HEAD/core/audits/seo/link-text.js (the ko set)", "listmonk UI strings (email.unsub, email.viewInBrowser, public.managePrefs, public.sub): https://github.com/knadh/listmonk/blob/HEAD/i18n/ko.json", "Korean is verb-final: a button closes with a verb form, often the noun form -기 (구매하기, 자세히 보기)", "Other entries: the project's own list (common email button and footer wording in this language), reviewed against the corpus in ../shared/corpus"],
  vague: ["여기", "여기를 클릭", "클릭", "링크", "자세히", "자세히 보기", "계속", "이동", "전체 보기", "더 보기", "더보기", "더 알아보기", "클릭하세요", "여기를 클릭하세요", "다음", "보내기", "제출", "버튼", "정보"],
  verbs: ["하기", "보기", "구매", "구입", "주문", "예약", "다운로드", "신청", "가입", "등록", "구독", "참여", "참가", "시작", "체험", "확인", "보기", "읽기", "듣기", "추가", "담기", "받기", "선택", "찾기", "공유", "평가", "투표", "갱신", "업데이트", "결제", "문의", "작성", "방문", "설치", "변경", "재설정", "관리", "팔로우", "저장", "답장", "응모", "후원", "쇼핑", "이용", "사용", "혜택", "하세요", "세요", "하자", "해보세요", "복사", "신고", "표시", "인쇄", "편집", "전송", "보내기", "닫기", "열기"],
  particles: ["지금", "바로", "지금 바로", "네"],
  unsubscribe: ["수신거부", "수신 거부", "수신 거부하기", "구독 취소", "구독취소", "구독 해지", "구독해지", "수신 해제", "수신거절", "수신 거절"],
  preferences: ["수신 설정", "환경설정", "환경설정 관리", "설정 관리", "구독 설정", "알림 설정"],
  viewOnline: ["브라우저에서 보기", "웹에서 보기", "웹 버전", "웹버전", "메일이 보이지 않으면", "이메일이 보이지 않"],
  footer: ["all rights reserved", "개인정보처리방침", "개인정보 처리방침", "개인정보 보호정책", "이용약관", "본 메일은", "이 메일은", "발신전용", "발신 전용", "사업자등록번호", "통신판매업"],
};

export default words;
