// PhoneNumber: parsing what admins type, with the formats and types libphonenumber 8.12 derives, and one
// clear message for each way an input can be wrong.
#include "core/PhoneNumber.h"

#include <QAtomicInt>
#include <QTest>
#include <QThread>

using namespace trunkline::core;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(trunkline::core::PhoneNumber::Type)

class tst_PhoneNumber : public QObject {
    Q_OBJECT

private slots:
    void parsesValidNumbers_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("e164");
        QTest::addColumn<QString>("international");
        QTest::addColumn<QString>("national");
        QTest::addColumn<QString>("regionCode");
        QTest::addColumn<PhoneNumber::Type>("type");

        using T = PhoneNumber::Type;
        // The brief's and seed 002's examples.
        QTest::newRow("route number, spaces")
            << u"+49 20 12345678"_s << u"DE"_s << u"+492012345678"_s << u"+49 201 2345678"_s
            << u"0201 2345678"_s << u"DE"_s << T::FixedLine;
        QTest::newRow("slash and Durchwahl dash")
            << u"0234/123456-10"_s << u"DE"_s << u"+4923412345610"_s << u"+49 234 12345610"_s
            << u"0234 12345610"_s << u"DE"_s << T::FixedLine;
        QTest::newRow("US national with parentheses")
            << u"(650) 331-6252"_s << u"US"_s << u"+16503316252"_s << u"+1 650-331-6252"_s
            << u"(650) 331-6252"_s << u"US"_s << T::FixedLineOrMobile;
        QTest::newRow("extended number, 15 digits")
            << u"+49 20 1234567804"_s << u"DE"_s << u"+49201234567804"_s << u"+49 201 234567804"_s
            << u"0201 234567804"_s << u"DE"_s << T::FixedLine;
        QTest::newRow("extended number, one digit")
            << u"+49 20 123456784"_s << u"DE"_s << u"+4920123456784"_s << u"+49 201 23456784"_s
            << u"0201 23456784"_s << u"DE"_s << T::FixedLine;
        QTest::newRow("full 15 digit E.164")
            << u"+492012345678999"_s << u"DE"_s << u"+492012345678999"_s << u"+49 201 2345678999"_s
            << u"0201 2345678999"_s << u"DE"_s << T::FixedLine;
        QTest::newRow("00 international prefix")
            << u"0049 30 1234567"_s << u"DE"_s << u"+49301234567"_s << u"+49 30 1234567"_s << u"030 1234567"_s
            << u"DE"_s << T::FixedLine;
        QTest::newRow("(0) trunk prefix and padding")
            << u"  +49 (0)30 1234567 "_s << u"DE"_s << u"+49301234567"_s << u"+49 30 1234567"_s
            << u"030 1234567"_s << u"DE"_s << T::FixedLine;
        QTest::newRow("+ wins over default region")
            << u"+44 20 7946 0018"_s << u"DE"_s << u"+442079460018"_s << u"+44 20 7946 0018"_s
            << u"020 7946 0018"_s << u"GB"_s << T::FixedLine;
        QTest::newRow("E.164 without region")
            << u"+12125550000"_s << QString() << u"+12125550000"_s << u"+1 212-555-0000"_s
            << u"(212) 555-0000"_s << u"US"_s << T::FixedLineOrMobile;
        QTest::newRow("lower-case region")
            << u"030 1234567"_s << u"de"_s << u"+49301234567"_s << u"+49 30 1234567"_s << u"030 1234567"_s
            << u"DE"_s << T::FixedLine;
        QTest::newRow("German mobile") << u"0151 23456789"_s << u"DE"_s << u"+4915123456789"_s
                                       << u"+49 1512 3456789"_s << u"01512 3456789"_s << u"DE"_s << T::Mobile;
        QTest::newRow("German toll-free")
            << u"0800 1234567"_s << u"DE"_s << u"+498001234567"_s << u"+49 800 1234567"_s << u"0800 1234567"_s
            << u"DE"_s << T::TollFree;
        QTest::newRow("German premium rate")
            << u"+49 900 1234567"_s << u"DE"_s << u"+499001234567"_s << u"+49 900 1 234567"_s
            << u"0900 1 234567"_s << u"DE"_s << T::PremiumRate;
        QTest::newRow("German personal number")
            << u"+49 700 12345678"_s << u"DE"_s << u"+4970012345678"_s << u"+49 700 1234 5678"_s
            << u"0700 1234 5678"_s << u"DE"_s << T::PersonalNumber;
    }

    void parsesValidNumbers() {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(QString, e164);
        QFETCH(QString, international);
        QFETCH(QString, national);
        QFETCH(QString, regionCode);
        QFETCH(PhoneNumber::Type, type);

        const ParseOutcome outcome = PhoneNumber::parse(input, region);
        QVERIFY2(outcome.ok(), qPrintable(outcome.error));
        QVERIFY(outcome.error.isEmpty());
        const PhoneNumber& number = *outcome.number;
        QVERIFY(number.isValid());
        QCOMPARE(number.e164(), e164);
        QCOMPARE(number.international(), international);
        QCOMPARE(number.national(), national);
        QCOMPARE(number.regionCode(), regionCode);
        QCOMPARE(number.type(), type);
        QVERIFY(PhoneNumber::isE164(number.e164()));

        // The canonical form parses to itself, whatever the default region.
        const ParseOutcome again = PhoneNumber::parse(number.e164(), u"US");
        QVERIFY(again.ok());
        QCOMPARE(*again.number, number);
    }

    void rejectsInvalidInput_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("error");

        QTest::newRow("empty") << QString() << u"DE"_s << u"The phone number is empty."_s;
        QTest::newRow("blank") << u"   "_s << u"DE"_s << u"The phone number is empty."_s;
        QTest::newRow("letters")
            << u"0800 FLOWERS"_s << u"DE"_s
            << u"The phone number “0800 FLOWERS” contains letters; only digits are allowed."_s;
        QTest::newRow("extension marker")
            << u"030 1234567 x12"_s << u"DE"_s
            << u"The phone number “030 1234567 x12” contains letters; only digits are "
               "allowed."_s;
        QTest::newRow("hash")
            << u"030#123"_s << u"DE"_s
            << u"The phone number “030#123” contains “#”, which is not allowed in a phone number."_s;
        QTest::newRow("plus inside")
            << u"030+123456"_s << u"DE"_s
            << u"The phone number “030+123456” contains “+”, which is not allowed in a "
               "phone number."_s;
        QTest::newRow("two digits") << u"12"_s << u"DE"_s << u"The phone number “12” is too short."_s;
        QTest::newRow("country code only")
            << u"+49 1"_s << u"DE"_s << u"The phone number “+49 1” is too short."_s;
        QTest::newRow("too short for US")
            << u"+1 650"_s << u"US"_s << u"The phone number “+1 650” is too short for region US."_s;
        QTest::newRow("too long for DE")
            << u"+49 30 123456789012345"_s << u"DE"_s
            << u"The phone number “+49 30 123456789012345” is too long for region DE."_s;
        QTest::newRow("far too long") << u"+49 30 12345678901234567890"_s << u"DE"_s
                                      << u"The phone number “+49 30 12345678901234567890” is too long."_s;
        QTest::newRow("no country code, no region") << u"030 1234567"_s << QString()
                                                    << u"The phone number “030 1234567” has no country code "
                                                       u"and no default region is set; write it with a "
                                                       "leading + and the country code."_s;
        QTest::newRow("unknown region")
            << u"030 1234567"_s << u"XX"_s
            << u"The phone number “030 1234567” has no country code and “XX” is not a "
               "known region."_s;
        QTest::newRow("unknown country code")
            << u"+999 1234567"_s << u"DE"_s
            << u"The phone number “+999 1234567” starts with an unknown country "
               "code."_s;
        QTest::newRow("invalid for DE")
            << u"+49 32 12345678"_s << u"DE"_s
            << u"The phone number “+49 32 12345678” is not a valid number for region "
               "DE."_s;
        QTest::newRow("unused area code")
            << u"+49 999 1234567"_s << u"DE"_s
            << u"The phone number “+49 999 1234567” is not a valid number for region "
               "DE."_s;
    }

    void rejectsInvalidInput() {
        QFETCH(QString, input);
        QFETCH(QString, region);
        QFETCH(QString, error);

        const ParseOutcome outcome = PhoneNumber::parse(input, region);
        QVERIFY(!outcome.ok());
        QVERIFY(!outcome.number.has_value());
        QCOMPARE(outcome.error, error);
    }

    // The emulator and the sync engine parse from several threads at once; results must not mix.
    void parsesConcurrently() {
        const QStringList inputs{u"+49 20 12345678"_s, u"0234/123456-10"_s, u"+1 212 555 0000"_s, u"12"_s};
        const QStringList expected{u"+492012345678"_s, u"+4923412345610"_s, u"+12125550000"_s, QString()};
        QList<QThread*> threads;
        QAtomicInt mismatches = 0;
        for (int t = 0; t < 4; ++t) {
            threads.append(QThread::create([&, t] {
                for (int i = 0; i < 300; ++i) {
                    const auto index = (i + t) % inputs.size();
                    const ParseOutcome outcome = PhoneNumber::parse(inputs.at(index), u"DE");
                    const QString e164 = outcome.ok() ? outcome.number->e164() : QString();
                    if (e164 != expected.at(index)) {
                        mismatches.fetchAndAddRelaxed(1);
                    }
                }
            }));
            threads.last()->start();
        }
        for (QThread* thread : threads) {
            QVERIFY(thread->wait(30000));
            delete thread;
        }
        QCOMPARE(mismatches.loadRelaxed(), 0);
    }

    void defaultIsInvalid() {
        const PhoneNumber number;
        QVERIFY(!number.isValid());
        QVERIFY(number.e164().isEmpty());
        QCOMPARE(number.type(), PhoneNumber::Type::Unknown);
    }

    void isE164_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("expected");
        QTest::newRow("German") << u"+492012345678"_s << true;
        QTest::newRow("15 digits") << u"+492012345678999"_s << true;
        QTest::newRow("shortest") << u"+12"_s << true;
        QTest::newRow("16 digits") << u"+4920123456789990"_s << false;
        QTest::newRow("one digit") << u"+1"_s << false;
        QTest::newRow("no plus") << u"492012345678"_s << false;
        QTest::newRow("leading zero") << u"+0492012345678"_s << false;
        QTest::newRow("spaces") << u"+49 20 12345678"_s << false;
        QTest::newRow("letter") << u"+49201234567a"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("plus only") << u"+"_s << false;
        QTest::newRow("Arabic-Indic digits") << u"+٤٩٢٠١٢٣"_s << false;
    }

    void isE164() {
        QFETCH(QString, text);
        QFETCH(bool, expected);
        QCOMPARE(PhoneNumber::isE164(text), expected);
    }

    void typeDisplayNames() {
        QCOMPARE(displayName(PhoneNumber::Type::FixedLine), u"Fixed line"_s);
        QCOMPARE(displayName(PhoneNumber::Type::TollFree), u"Toll-free"_s);
        QCOMPARE(displayName(PhoneNumber::Type::Unknown), u"Unknown"_s);
    }
};

QTEST_APPLESS_MAIN(tst_PhoneNumber)
#include "tst_PhoneNumber.moc"
