#include "EngineTestCase.h"
#include "core/Extension.h"
#include "store/ExtensionRepository.h"
#include "store/ProfileRepository.h"

#include <QUuid>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline::store;

class tst_ProfileRepository : public EngineTestCase {
    Q_OBJECT

private slots:
    void addFindUpdateList() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        ProfileRepository repository(test.database());
        QString error;
        Profile berlin{0, u"Berlin office"_s, u"ringcentral"_s, u"http://127.0.0.1:9000"_s, u"400123"_s, {},
                       {}};
        Profile aachen{0, u"Aachen porting"_s, u"telnyx"_s, u"http://127.0.0.1:9001"_s, {}, {}, {}};
        QVERIFY2(repository.add(berlin, &error), qPrintable(error));
        QVERIFY2(repository.add(aachen, &error), qPrintable(error));
        QVERIFY(berlin.id > 0);
        QVERIFY(aachen.id > berlin.id);
        QVERIFY(berlin.createdAt.isValid());
        // A fresh UUID each, the key of the profile's keychain entry.
        QVERIFY(!QUuid::fromString(berlin.uuid).isNull());
        QVERIFY(!QUuid::fromString(aachen.uuid).isNull());
        QVERIFY(berlin.uuid != aachen.uuid);

        const auto found = repository.find(berlin.id, &error);
        QVERIFY(found);
        QCOMPARE(*found, berlin);
        QVERIFY(!repository.find(aachen.id + 100, &error));

        const QList<Profile> all = repository.list(&error);
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, u"Aachen porting"_s); // by name
        QCOMPARE(all.at(1).name, u"Berlin office"_s);

        berlin.baseUrl = u"http://127.0.0.1:9100"_s;
        berlin.accountId = u"400124"_s;
        Profile edited = berlin;
        edited.uuid = u"not-kept"_s;
        QVERIFY2(repository.update(edited, &error), qPrintable(error));
        QCOMPARE(*repository.find(berlin.id, &error), berlin); // the uuid is never changed
    }

    void rejectsBadInput_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expectedError");
        QTest::newRow("empty name") << QString() << u"Profile name: must not be empty."_s;
        QTest::newRow("blank name") << u"   "_s << u"Profile name: must not be empty."_s;
        QTest::newRow("duplicate name") << u"Taken"_s << u"Cannot add the profile Taken"_s;
    }
    void rejectsBadInput() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QFETCH(QString, name);
        QFETCH(QString, expectedError);
        QVERIFY(test.addProfile(u"Taken"_s) > 0);
        ProfileRepository repository(test.database());
        Profile profile{0, name, u"ringcentral"_s, u"http://127.0.0.1:1"_s, {}, {}, {}};
        QString error;
        QVERIFY(!repository.add(profile, &error));
        QVERIFY2(error.startsWith(expectedError), qPrintable(error));
        QCOMPARE(profile.id, 0);
        QCOMPARE(repository.list().size(), 1);
    }

    void updateOfMissingProfileFails() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        Profile ghost{999, u"Ghost"_s, u"ringcentral"_s, u"http://127.0.0.1:1"_s, {}, {}, {}};
        QString error;
        QVERIFY(!ProfileRepository(test.database()).update(ghost, &error));
        QCOMPARE(error, u"The profile 999 no longer exists."_s);
    }

    void removeTakesTheProfilesRecordsAlong() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 gone = test.addProfile(u"Gone"_s);
        const qint64 stays = test.addProfile(u"Stays"_s);
        ExtensionRepository extensions(test.database());
        trunkline::core::Extension extension;
        extension.id = u"101"_s;
        extension.extensionNumber = u"101"_s;
        QVERIFY(extensions.upsert(gone, {extension}));
        QVERIFY(extensions.upsert(stays, {extension}));

        QString error;
        QVERIFY2(ProfileRepository(test.database()).remove(gone, &error), qPrintable(error));
        QVERIFY(!ProfileRepository(test.database()).find(gone));
        QVERIFY(extensions.list(gone).isEmpty());
        QCOMPARE(extensions.list(stays).size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_ProfileRepository)
#include "tst_ProfileRepository.moc"
