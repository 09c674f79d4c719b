package privacy

import (
	"strings"
	"time"
)

// provinceCodes are the first two digits of a mainland (and Hong Kong,
// Macao, Taiwan resident) ID number: the province-level division.
const provinceCodes = " 11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46 50 51 52 53 54 61 62 63 64 65 71 81 82 83 "

// validID checks an 18-character ID number: a province code, a real birth
// date between 1900 and 2099, and the check digit.
func validID(s string) bool {
	if len(s) != 18 || !strings.Contains(provinceCodes, " "+s[:2]+" ") {
		return false
	}
	// The GB 11643-1999 weights of the first 17 digits.
	weights := [17]int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i, w := range weights {
		sum += int(s[i]-'0') * w
	}
	if "10X98765432"[sum%11] != s[17] {
		return false
	}
	birth, err := time.Parse("20060102", s[6:14])
	return err == nil && birth.Year() >= 1900 && birth.Year() < 2100
}

// validMobile checks an 11-digit mainland mobile number: 1, then 3 to 9.
func validMobile(s string) bool {
	return len(s) == 11 && s[0] == '1' && s[1] >= '3' && s[1] <= '9'
}

// validCard checks a 16–19 digit card number: the Luhn digit, and a first
// digit of 3 to 6, the ISO/IEC 7812 industries of bank cards (UnionPay
// cards start with 62). Other long numbers (order and contract numbers)
// pass Luhn one time in ten; the first digit halves that.
func validCard(s string) bool {
	if s[0] < '3' || s[0] > '6' {
		return false
	}
	sum := 0
	for i := 0; i < len(s); i++ {
		d := int(s[len(s)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}
