#include "core/ReadableNumber.h"

#include "core/PhoneNumber.h"

#include <QHash>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <set>
#include <string>

namespace trunkline::core {

namespace {

namespace pn = i18n::phonenumbers;

// The template of a key: the international format of the first number seen with it. A number
// libphonenumber cannot parse leaves no template; it is shown as stored.
using Templates = QHash<QString, QString>;

// A thread's cache stays small: real accounts have a few hundred keys; past this, start again.
constexpr qsizetype kMaxTemplates = 100'000;

int countryCodeLength(const QString& e164) {
    static const std::set<int> codes = [] {
        std::set<int> all;
        pn::PhoneNumberUtil::GetInstance()->GetSupportedCallingCodes(&all);
        return all;
    }();
    int code = 0;
    for (int length = 1; length <= 3 && length < e164.size(); ++length) {
        code = code * 10 + (e164.at(length).unicode() - u'0');
        if (codes.contains(code)) {
            return length;
        }
    }
    return 0;
}

// The template's digits in order are the number's own digits (the format only inserts spaces and
// dashes); a template that does anything else is not reused.
bool keepsDigits(const QString& formatted, const QString& e164) {
    qsizetype next = 1; // after the "+"
    for (const QChar c : formatted) {
        if (c.isDigit()) {
            if (next >= e164.size() || e164.at(next) != c) {
                return false;
            }
            ++next;
        }
    }
    return next == e164.size();
}

QString fillTemplate(const QString& pattern, const QString& e164) {
    QString result = pattern;
    qsizetype next = 1;
    for (QChar& c : result) {
        if (c.isDigit()) {
            c = e164.at(next++);
        }
    }
    return result;
}

} // namespace

QString libphonenumberInternational(const QString& e164) {
    const pn::PhoneNumberUtil& util = *pn::PhoneNumberUtil::GetInstance();
    pn::PhoneNumber parsed;
    if (util.Parse(e164.toStdString(), "ZZ", &parsed) != pn::PhoneNumberUtil::NO_PARSING_ERROR) {
        return {};
    }
    std::string text;
    util.Format(parsed, pn::PhoneNumberUtil::INTERNATIONAL, &text);
    return QString::fromStdString(text);
}

QString readableNumber(const QString& stored) {
    if (!PhoneNumber::isE164(stored)) {
        return stored;
    }
    const int codeLength = countryCodeLength(stored);
    if (codeLength == 0) {
        return stored;
    }
    thread_local Templates templates;
    // "+49301234" and the length as one character: the key of every number that formats alike.
    const qsizetype prefixLength = qMin(stored.size(), 1 + codeLength + kLeadingDigits);
    QString key = stored.left(prefixLength);
    key.append(QChar(char16_t(u'A' + stored.size())));
    auto found = templates.constFind(key);
    if (found == templates.cend()) {
        if (templates.size() >= kMaxTemplates) {
            templates.clear();
        }
        QString formatted = libphonenumberInternational(stored);
        if (!keepsDigits(formatted, stored)) {
            // Not reusable: answer this number alone and let the next one with the key try again.
            return formatted.isEmpty() ? stored : formatted;
        }
        found = templates.insert(key, std::move(formatted));
    }
    return fillTemplate(found.value(), stored);
}

} // namespace trunkline::core
