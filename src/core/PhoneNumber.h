#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringView>
#include <optional>

namespace trunkline::core {

struct ParseOutcome;

// A phone number that libphonenumber found valid, with its formats computed once at parse time so
// copies are cheap and the libphonenumber headers stay out of every includer.
// Only parse() makes a valid one; a default-constructed PhoneNumber is invalid and empty.
class PhoneNumber {
    Q_DECLARE_TR_FUNCTIONS(PhoneNumber)

public:
    enum class Type {
        FixedLine,
        Mobile,
        FixedLineOrMobile,
        TollFree,
        PremiumRate,
        SharedCost,
        Voip,
        PersonalNumber,
        Pager,
        Uan,
        Voicemail,
        Unknown,
    };

    PhoneNumber() = default;

    // Parses what a person typed ("+49 20 12345678", "0234/123456-10", "(650) 331-6252").
    // defaultRegion (ISO 3166 alpha-2) is used when the input has no "+"/"00" prefix; empty = none.
    // On success outcome.number is set and outcome.error is empty; otherwise the reverse.
    static ParseOutcome parse(QStringView input, QStringView defaultRegion = u"DE");

    // Strict syntactic E.164: "+" then 2 to 15 digits, the first not 0. No validity check.
    static bool isE164(QStringView text);

    bool isValid() const { return !m_e164.isEmpty(); }
    QString e164() const { return m_e164; }                   // "+4923412345610"
    QString international() const { return m_international; } // "+49 234 12345610"
    QString national() const { return m_national; }           // "0234 12345610"
    QString regionCode() const { return m_regionCode; }       // "DE"
    int countryCode() const { return m_countryCode; }         // 49
    Type type() const { return m_type; }

    friend bool operator==(const PhoneNumber& a, const PhoneNumber& b) { return a.m_e164 == b.m_e164; }

private:
    QString m_e164;
    QString m_international;
    QString m_national;
    QString m_regionCode;
    int m_countryCode = 0;
    Type m_type = Type::Unknown;
};

QString displayName(PhoneNumber::Type type);

struct ParseOutcome {
    std::optional<PhoneNumber> number;
    QString error; // translated; says what is wrong (empty input, letters, too short, ...)

    bool ok() const { return number.has_value(); }
};

} // namespace trunkline::core
