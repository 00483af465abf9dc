// readableNumber: the international format of a stored number, from a per-key template after the first
// number, held to libphonenumber's own format for the example numbers of every region and type and for
// numbers that differ from them only after the key's leading digits.
#include "core/ReadableNumber.h"

#include <QTest>
#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>
#include <set>

using namespace trunkline::core;
using namespace Qt::StringLiterals;

namespace pn = i18n::phonenumbers;

namespace {

QStringList exampleNumbers() {
    const pn::PhoneNumberUtil& util = *pn::PhoneNumberUtil::GetInstance();
    std::set<std::string> regions;
    util.GetSupportedRegions(&regions);
    using T = pn::PhoneNumberUtil::PhoneNumberType;
    const T types[] = {T::FIXED_LINE,      T::MOBILE, T::TOLL_FREE, T::PREMIUM_RATE, T::SHARED_COST,
                       T::PERSONAL_NUMBER, T::VOIP,   T::PAGER,     T::UAN,          T::VOICEMAIL};
    QStringList numbers;
    for (const std::string& region : regions) {
        for (const T type : types) {
            pn::PhoneNumber example;
            if (util.GetExampleNumberForType(region, type, &example)) {
                std::string e164;
                util.Format(example, pn::PhoneNumberUtil::E164, &e164);
                numbers << QString::fromStdString(e164);
            }
        }
    }
    return numbers;
}

int countryCodeLength(const QString& e164) {
    pn::PhoneNumber parsed;
    pn::PhoneNumberUtil::GetInstance()->Parse(e164.toStdString(), "ZZ", &parsed);
    return int(QString::number(parsed.country_code()).size());
}

// The number with every digit after the template key's leading digits replaced by `digit`.
QString withTail(const QString& e164, int keyLength, QChar digit) {
    QString result = e164;
    for (qsizetype i = keyLength; i < result.size(); ++i) {
        result[i] = digit;
    }
    return result;
}

} // namespace

class tst_ReadableNumber : public QObject {
    Q_OBJECT

private slots:
    void formatsInternationally_data() {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<QString>("shown");
        QTest::newRow("Berlin") << u"+4930123456"_s << u"+49 30 123456"_s;
        QTest::newRow("German route number") << u"+492012345678"_s << u"+49 201 2345678"_s;
        QTest::newRow("US with dashes") << u"+16503316252"_s << u"+1 650-331-6252"_s;
        QTest::newRow("Italian leading zero") << u"+390236618300"_s << u"+39 02 3661 8300"_s;
        QTest::newRow("SIP pattern as stored") << u"sip:alice@example.test"_s << u"sip:alice@example.test"_s;
        QTest::newRow("short code as stored") << u"112"_s << u"112"_s;
        QTest::newRow("unknown country code as stored") << u"+99912345678"_s << u"+99912345678"_s;
        QTest::newRow("empty") << QString() << QString();
    }
    void formatsInternationally() {
        QFETCH(QString, stored);
        QFETCH(QString, shown);
        QCOMPARE(readableNumber(stored), shown);
        QCOMPARE(readableNumber(stored), shown); // the second time from the template
    }

    void templatesAgreeWithLibphonenumber() {
        const QStringList examples = exampleNumbers();
        QVERIFY2(examples.size() > 500, qPrintable(u"only %1 example numbers"_s.arg(examples.size())));
        int compared = 0;
        QStringList wrong;
        for (const QString& example : examples) {
            // The example makes the template; numbers with another tail must come out as libphonenumber
            // formats them. A tail libphonenumber formats by another rule means the key is too short.
            readableNumber(example);
            const int keyLength = 1 + countryCodeLength(example) + kLeadingDigits;
            for (const QChar digit : {u'0', u'5', u'9'}) {
                const QString variant = withTail(example, keyLength, digit);
                const QString expected = libphonenumberInternational(variant);
                if (expected.isEmpty()) {
                    continue;
                }
                ++compared;
                if (readableNumber(variant) != expected) {
                    wrong << u"%1: %2, libphonenumber %3"_s.arg(variant, readableNumber(variant), expected);
                }
            }
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u"\n"_s)));
        QVERIFY(compared > 1000);
    }
};

QTEST_APPLESS_MAIN(tst_ReadableNumber)
#include "tst_ReadableNumber.moc"
