#include "EngineTestCase.h"
#include "ForwardingEntry.h"
#include "TestDatabaseMember.h"
#include "store/ExtensionRepository.h"
#include "store/ForwardingNumberRepository.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline::store;
using namespace trunkline::core;
using trunkline::test::entry;

namespace {

QList<ForwardingNumber> sampleList() {
    ForwardingNumber deskPhone = entry(u"f3"_s, {}, ForwardingType::PhoneLine, 3);
    deskPhone.deviceId = u"802398824004"_s;
    ForwardingNumber other = entry(u"f4"_s, u"+4989123456"_s, ForwardingType::Other, 2, u"Ferienwohnung"_s);
    other.features = ForwardingFeature::CallFlip; // a flip target that calls are not forwarded to
    return {entry(u"f1"_s, u"+491701234567"_s, ForwardingType::Mobile, 1),
            entry(u"f2"_s, u"+4930987654"_s, ForwardingType::Home, 0), deskPhone, other};
}

} // namespace

class tst_ForwardingNumberRepository : public EngineTestCase {
    Q_OBJECT

private:
    std::unique_ptr<TestDatabase> m_test;
    qint64 m_profile = 0;

private slots:
    // Every case starts from a fresh database of the engine row holding a profile with extensions.
    void init() {
        TRUNKLINE_OPEN_TEST_DATABASE_MEMBER(m_test);
        m_profile = m_test->addProfileWithExtensions();
        QVERIFY(m_profile > 0);
    }
    void cleanup() { m_test.reset(); }

    void replaceKeepsOrderAndFields() {
        ForwardingNumberRepository repository(m_test->database());
        QString error;
        QVERIFY2(repository.replaceList(m_profile, u"e1"_s, sampleList(), &error), qPrintable(error));
        QCOMPARE(repository.list(m_profile, u"e1"_s), sampleList());

        // Reordered: the stored order is the new one, nothing of the old order survives.
        QList<ForwardingNumber> reordered = sampleList();
        std::reverse(reordered.begin(), reordered.end());
        QVERIFY(repository.replaceList(m_profile, u"e1"_s, reordered));
        QCOMPARE(repository.list(m_profile, u"e1"_s), reordered);
    }

    void replaceWithShorterAndEmptyLists_data() {
        QTest::addColumn<int>("keep");
        QTest::newRow("three") << 3;
        QTest::newRow("one") << 1;
        QTest::newRow("none") << 0;
    }
    void replaceWithShorterAndEmptyLists() {
        QFETCH(int, keep);
        ForwardingNumberRepository repository(m_test->database());
        QVERIFY(repository.replaceList(m_profile, u"e1"_s, sampleList()));
        QVERIFY(repository.replaceList(m_profile, u"e2"_s, sampleList()));
        const QList<ForwardingNumber> shorter = sampleList().mid(0, keep);
        QVERIFY(repository.replaceList(m_profile, u"e1"_s, shorter));
        QCOMPARE(repository.list(m_profile, u"e1"_s), shorter);
        QCOMPARE(repository.list(m_profile, u"e2"_s), sampleList()); // the other extension is untouched
    }

    void unknownExtensionChangesNothing() {
        ForwardingNumberRepository repository(m_test->database());
        QString error;
        QVERIFY(!repository.replaceList(m_profile, u"nope"_s, sampleList(), &error));
        QVERIFY2(error.startsWith("Cannot save the forwarding number +491701234567 of extension nope"_L1),
                 qPrintable(error));
        QVERIFY(repository.list(m_profile, u"nope"_s).isEmpty());
    }

    void failedReplaceKeepsOldList() {
        ForwardingNumberRepository repository(m_test->database());
        QVERIFY(repository.replaceList(m_profile, u"e1"_s, sampleList()));
        // Make the third insert of the next replace fail, after the delete and two inserts ran.
        QSqlQuery poison(m_test->database().connection());
        QVERIFY2(poison.exec(
                     m_test->isPostgres()
                         ? u"ALTER TABLE forwarding_numbers ADD CONSTRAINT no_boom CHECK (label <> 'boom')"_s
                         : u"CREATE TRIGGER no_boom BEFORE INSERT ON forwarding_numbers WHEN NEW.label = "
                           u"'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END"_s),
                 qPrintable(poison.lastError().text()));
        QList<ForwardingNumber> replacement = sampleList().mid(0, 3);
        replacement[2].label = u"boom"_s;
        QString error;
        QVERIFY(!repository.replaceList(m_profile, u"e1"_s, replacement, &error));
        QVERIFY2(error.contains("boom"_L1), qPrintable(error));
        QCOMPARE(repository.list(m_profile, u"e1"_s), sampleList());
    }

    void stateTracksTheWholeList() {
        ForwardingNumberRepository repository(m_test->database());
        QVERIFY(!repository.state(m_profile, u"e1"_s));
        QVERIFY(repository.replaceList(m_profile, u"e1"_s, sampleList()));
        const auto state = repository.state(m_profile, u"e1"_s);
        QVERIFY(state);
        QCOMPARE(state->version, ForwardingNumberRepository::versionOf(sampleList()));
        QVERIFY(state->syncedAt.isValid());
        QList<ForwardingNumber> reordered = sampleList();
        reordered.swapItemsAt(0, 1);
        QVERIFY(ForwardingNumberRepository::versionOf(reordered) != state->version);
        QList<ForwardingNumber> relabelled = sampleList();
        relabelled[3].label = u"Büro"_s;
        QVERIFY(ForwardingNumberRepository::versionOf(relabelled) != state->version);
    }

    void removingTheExtensionRemovesItsList() {
        ForwardingNumberRepository repository(m_test->database());
        QVERIFY(repository.replaceList(m_profile, u"e1"_s, sampleList()));
        QVERIFY(ExtensionRepository(m_test->database()).remove(m_profile, u"e1"_s));
        QVERIFY(repository.list(m_profile, u"e1"_s).isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_ForwardingNumberRepository)
#include "tst_ForwardingNumberRepository.moc"
