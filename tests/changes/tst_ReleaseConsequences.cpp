// What the release warning lists, read from a real SQLite copy: the extension that loses its direct
// number, the forwarding lists that still point at it, and where a Restcomm number's calls and texts go.
#include "ReviewProfile.h"
#include "changes/ReleaseConsequences.h"
#include "store/ForwardingNumberRepository.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline;

class tst_ReleaseConsequences : public QObject {
    Q_OBJECT

private slots:
    void init() { QVERIFY2(openReviewProfile(m_test, &m_profile), qPrintable(m_test->error())); }
    void cleanup() { m_test.reset(); }

    void anAssignedAndForwardedNumber() {
        core::ForwardingNumber toNumber;
        toNumber.id = u"f-1"_s;
        toNumber.phoneNumber = u"+493012345678"_s;
        QVERIFY(store::ForwardingNumberRepository(m_test->database())
                    .replaceList(m_profile, u"e2"_s, {toNumber}));
        core::PhoneNumberRecord number;
        number.id = u"pn-1"_s;
        number.e164 = u"+493012345678"_s;
        number.extensionId = u"e1"_s;
        number.extensionNumber = u"101"_s;
        QCOMPARE(changes::ReleaseConsequences::of(m_test->database(), m_profile, number),
                 (QStringList{u"Extension 101 (Anna Wolf) loses +493012345678, its direct number."_s,
                              u"Extension 102 still forwards calls to +493012345678; remove it from that "
                              "forwarding list."_s}));
    }

    void aRestcommNumberStopsRouting() {
        core::PhoneNumberRecord number;
        number.id = u"PN1"_s;
        number.e164 = u"+14155550143"_s;
        number.restcomm = core::RestcommAttributes{};
        number.restcomm->voiceUrl = u"https://127.0.0.1/ivr.xml"_s;
        number.restcomm->smsApplicationSid = u"AP42"_s;
        QCOMPARE(changes::ReleaseConsequences::of(m_test->database(), m_profile, number),
                 (QStringList{u"Calls to +14155550143 no longer reach https://127.0.0.1/ivr.xml."_s,
                              u"Texts to +14155550143 no longer reach AP42."_s}));
    }

    void aSpareNumberTakesNothingElse() {
        core::PhoneNumberRecord number;
        number.id = u"pn-2"_s;
        number.e164 = u"+493099999999"_s;
        QVERIFY(changes::ReleaseConsequences::of(m_test->database(), m_profile, number).isEmpty());
    }

private:
    std::unique_ptr<TestDatabase> m_test;
    qint64 m_profile = 0;
};

QTEST_GUILESS_MAIN(tst_ReleaseConsequences)
#include "tst_ReleaseConsequences.moc"
