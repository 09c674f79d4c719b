package privacy

// Refused reports whether a number of kind k stops a page from being
// published, rather than being a warning. In a disclosure (党务公开: a
// 发展党员公示 names the 发展对象, with birth dates and posts) a whole
// mobile, ID-card or bank card number next to a name is exactly the leak
// the check exists for, and the page is public for its whole 公示期, so
// all three kinds are refused there. Bank cards are refused too although
// only mobile and ID numbers were asked for: a person's card number does
// no less harm, and the organisation's own account (党费 collection) is
// an 对公账户 number, mostly not read as a card; when it is, privacy.allow
// publishes it with its reason. Elsewhere
// (notices, study material) a number is more often an organiser's own
// line, so it stays a warning, which --strict turns into an error.
func Refused(k Kind, disclosure bool) bool {
	return disclosure && (k == Mobile || k == IDCard || k == BankCard)
}
