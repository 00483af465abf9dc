#include "core/PhoneNumber.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <string>

namespace trunkline::core {

namespace {

namespace pn = i18n::phonenumbers;

// PhoneNumberUtil is a thread-safe singleton; fetch it once.
const pn::PhoneNumberUtil& util() {
    static const pn::PhoneNumberUtil* const instance = pn::PhoneNumberUtil::GetInstance();
    return *instance;
}

PhoneNumber::Type toType(pn::PhoneNumberUtil::PhoneNumberType type) {
    using T = pn::PhoneNumberUtil::PhoneNumberType;
    switch (type) {
    case T::FIXED_LINE:
        return PhoneNumber::Type::FixedLine;
    case T::MOBILE:
        return PhoneNumber::Type::Mobile;
    case T::FIXED_LINE_OR_MOBILE:
        return PhoneNumber::Type::FixedLineOrMobile;
    case T::TOLL_FREE:
        return PhoneNumber::Type::TollFree;
    case T::PREMIUM_RATE:
        return PhoneNumber::Type::PremiumRate;
    case T::SHARED_COST:
        return PhoneNumber::Type::SharedCost;
    case T::VOIP:
        return PhoneNumber::Type::Voip;
    case T::PERSONAL_NUMBER:
        return PhoneNumber::Type::PersonalNumber;
    case T::PAGER:
        return PhoneNumber::Type::Pager;
    case T::UAN:
        return PhoneNumber::Type::Uan;
    case T::VOICEMAIL:
        return PhoneNumber::Type::Voicemail;
    case T::UNKNOWN:
        break;
    }
    return PhoneNumber::Type::Unknown;
}

// Characters people use to group digits. Everything else (letters, '#', '*', ',', ...) is refused
// before libphonenumber sees it: libphonenumber would silently turn vanity letters into digits and
// read "x12" as an extension, and an admin provisioning a trunk must see exactly what is stored.
bool isGroupingCharacter(QChar c) {
    return c.isSpace() || c == u'-' || c == u'(' || c == u')' || c == u'/' || c == u'.' || c == u'\u2010' ||
           c == u'\u2011' || c == u'\u2013';
}

ParseOutcome failure(QString error) {
    ParseOutcome outcome;
    outcome.error = std::move(error);
    return outcome;
}

QString regionForCountryCode(int countryCode) {
    std::string region;
    util().GetRegionCodeForCountryCode(countryCode, &region);
    return QString::fromStdString(region);
}

} // namespace

bool PhoneNumber::isE164(QStringView text) {
    if (text.size() < 3 || text.size() > 16 || text.front() != u'+' || text.at(1) < u'1' ||
        text.at(1) > u'9') {
        return false;
    }
    for (qsizetype i = 2; i < text.size(); ++i) {
        if (text.at(i) < u'0' || text.at(i) > u'9') {
            return false;
        }
    }
    return true;
}

ParseOutcome PhoneNumber::parse(QStringView input, QStringView defaultRegion) {
    const QStringView trimmed = input.trimmed();
    if (trimmed.isEmpty()) {
        return failure(tr("The phone number is empty."));
    }
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const QChar c = trimmed.at(i);
        if (c.isLetter()) {
            return failure(tr("The phone number “%1” contains letters; only digits are allowed.")
                               .arg(trimmed.toString()));
        }
        const bool leadingPlus = (i == 0 && c == u'+');
        if (!c.isDigit() && !leadingPlus && !isGroupingCharacter(c)) {
            return failure(tr("The phone number “%1” contains “%2”, which is not allowed in a phone number.")
                               .arg(trimmed.toString(), QString(c)));
        }
    }

    const std::string region =
        defaultRegion.isEmpty() ? std::string("ZZ") : defaultRegion.toString().toUpper().toStdString();
    const bool hasInternationalPrefix = trimmed.startsWith(u'+');

    pn::PhoneNumber parsed;
    const auto error = util().Parse(trimmed.toString().toStdString(), region, &parsed);
    switch (error) {
    case pn::PhoneNumberUtil::NO_PARSING_ERROR:
        break;
    case pn::PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        if (!hasInternationalPrefix &&
            (defaultRegion.isEmpty() || defaultRegion.compare(u"ZZ", Qt::CaseInsensitive) == 0)) {
            return failure(tr("The phone number “%1” has no country code and no default region is set; "
                              "write it with a leading + and the country code.")
                               .arg(trimmed.toString()));
        }
        if (!hasInternationalPrefix) {
            return failure(tr("The phone number “%1” has no country code and “%2” is not a known region.")
                               .arg(trimmed.toString(), defaultRegion.toString()));
        }
        return failure(
            tr("The phone number “%1” starts with an unknown country code.").arg(trimmed.toString()));
    case pn::PhoneNumberUtil::NOT_A_NUMBER:
        return failure(tr("“%1” is not a phone number.").arg(trimmed.toString()));
    case pn::PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case pn::PhoneNumberUtil::TOO_SHORT_NSN:
        return failure(tr("The phone number “%1” is too short.").arg(trimmed.toString()));
    case pn::PhoneNumberUtil::TOO_LONG_NSN:
        return failure(tr("The phone number “%1” is too long.").arg(trimmed.toString()));
    }

    const QString numberRegion = regionForCountryCode(parsed.country_code());
    switch (util().IsPossibleNumberWithReason(parsed)) {
    case pn::PhoneNumberUtil::IS_POSSIBLE:
    case pn::PhoneNumberUtil::IS_POSSIBLE_LOCAL_ONLY:
    case pn::PhoneNumberUtil::INVALID_LENGTH:
        break; // validity below gives the better message
    case pn::PhoneNumberUtil::INVALID_COUNTRY_CODE:
        return failure(
            tr("The phone number “%1” starts with an unknown country code.").arg(trimmed.toString()));
    case pn::PhoneNumberUtil::TOO_SHORT:
        return failure(
            tr("The phone number “%1” is too short for region %2.").arg(trimmed.toString(), numberRegion));
    case pn::PhoneNumberUtil::TOO_LONG:
        return failure(
            tr("The phone number “%1” is too long for region %2.").arg(trimmed.toString(), numberRegion));
    }
    // libphonenumber calls "12" merely invalid; a length no country uses reads better as "too short".
    constexpr std::size_t kShortestNationalNumber = 4;
    std::string nationalSignificant;
    util().GetNationalSignificantNumber(parsed, &nationalSignificant);
    if (nationalSignificant.size() < kShortestNationalNumber) {
        return failure(tr("The phone number “%1” is too short.").arg(trimmed.toString()));
    }
    if (!util().IsValidNumber(parsed)) {
        return failure(tr("The phone number “%1” is not a valid number for region %2.")
                           .arg(trimmed.toString(), numberRegion));
    }

    PhoneNumber number;
    std::string text;
    util().Format(parsed, pn::PhoneNumberUtil::E164, &text);
    number.m_e164 = QString::fromStdString(text);
    util().Format(parsed, pn::PhoneNumberUtil::INTERNATIONAL, &text);
    number.m_international = QString::fromStdString(text);
    util().Format(parsed, pn::PhoneNumberUtil::NATIONAL, &text);
    number.m_national = QString::fromStdString(text);
    std::string numberRegionCode;
    util().GetRegionCodeForNumber(parsed, &numberRegionCode);
    number.m_regionCode = QString::fromStdString(numberRegionCode);
    number.m_countryCode = parsed.country_code();
    number.m_type = toType(util().GetNumberType(parsed));

    ParseOutcome outcome;
    outcome.number = std::move(number);
    return outcome;
}

QString displayName(PhoneNumber::Type type) {
    switch (type) {
    case PhoneNumber::Type::FixedLine:
        return QCoreApplication::translate("PhoneNumberType", "Fixed line");
    case PhoneNumber::Type::Mobile:
        return QCoreApplication::translate("PhoneNumberType", "Mobile");
    case PhoneNumber::Type::FixedLineOrMobile:
        return QCoreApplication::translate("PhoneNumberType", "Fixed line or mobile");
    case PhoneNumber::Type::TollFree:
        return QCoreApplication::translate("PhoneNumberType", "Toll-free");
    case PhoneNumber::Type::PremiumRate:
        return QCoreApplication::translate("PhoneNumberType", "Premium rate");
    case PhoneNumber::Type::SharedCost:
        return QCoreApplication::translate("PhoneNumberType", "Shared cost");
    case PhoneNumber::Type::Voip:
        return QCoreApplication::translate("PhoneNumberType", "VoIP");
    case PhoneNumber::Type::PersonalNumber:
        return QCoreApplication::translate("PhoneNumberType", "Personal number");
    case PhoneNumber::Type::Pager:
        return QCoreApplication::translate("PhoneNumberType", "Pager");
    case PhoneNumber::Type::Uan:
        return QCoreApplication::translate("PhoneNumberType", "Universal access number");
    case PhoneNumber::Type::Voicemail:
        return QCoreApplication::translate("PhoneNumberType", "Voicemail access");
    case PhoneNumber::Type::Unknown:
        break;
    }
    return QCoreApplication::translate("PhoneNumberType", "Unknown");
}

} // namespace trunkline::core
