// Package privacy finds personal data that must not be published by mistake
// (个人信息保护): mainland resident ID-card numbers, mobile phone numbers
// and bank card numbers in text an author wrote, and masks names and numbers
// for lists that must be published (张*明, 138****5678).
//
// It is pure: text in, findings out. Each kind is recognised by its
// structure — the ID card's GB 11643 check digit and birth date, the mobile
// prefix, the bank card's Luhn digit — and only as a whole run of digits,
// so that long order numbers and dates do not raise false alarms. Text is
// read as a reader sees it: full-width digits, odd spaces, dashes and
// invisible characters are folded before the numbers are looked for, so
// that the way a number is typed cannot hide it.
package privacy
