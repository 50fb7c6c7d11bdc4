// Preview data the campaign emails share (React Email's PreviewProps, npm run email:dev).

export const PREVIEW_PERSON = {
  locale: "en",
  firstName: "Ada",
  company: "Meta",
  deadline: "Tuesday 27 May 2025 at 00:00 CEST",
  dashboardUrl: "http://localhost:3000/en/dashboard",
  unsubscribeUrl: "http://localhost:3000/en/unsubscribe?t=preview",
};

export const PREVIEW_FACEBOOK = {
  platformId: "facebook",
  platformName: "Facebook",
  accounts: 1,
  formUrl: "https://www.facebook.com/help/contact/712876720715583",
  doneUrl: "http://localhost:3000/en/done?t=preview",
};
