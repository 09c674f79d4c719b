// Package ledger counts a branch's organisational-life meetings (组织生活台账)
// against the required minimums of 三会一课 — by default a 支部党员大会 and a
// 党课 each quarter, a 支委会 and a 党小组会 each month — quarter by quarter,
// so a branch secretary and the party committee see at a glance where a
// meeting is missing. It is pure: meetings and rules in, a table out.
package ledger
