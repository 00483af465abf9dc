#pragma once

#include <QString>

namespace trunkline::core {

// A stored number as people read it: an E.164 number libphonenumber knows in its international format
// ("+4930123456" → "+49 30 123456"); anything else (a Restcomm SIP pattern, a short code, an empty
// cell) as stored.
//
// Tables and exports format a million numbers, and libphonenumber spends tens of microseconds per
// number in regular expressions that pick the format rule. The rule depends only on the country code,
// the leading digits and the length, so each thread keeps the first number's result per
// (country code, first kLeadingDigits digits, length) as a template and puts the digits of the next
// number with the same key into it. tst_ReadableNumber checks the templates against libphonenumber
// for every region's example numbers.
QString readableNumber(const QString& stored);

// How many national digits the template key holds; libphonenumber's leading-digit patterns for the
// format rules look at no more than this.
inline constexpr int kLeadingDigits = 6;

// libphonenumber's own international format of an E.164 number, without the template cache; empty
// when it cannot parse the number. For the test that holds readableNumber() to it.
QString libphonenumberInternational(const QString& e164);

} // namespace trunkline::core
