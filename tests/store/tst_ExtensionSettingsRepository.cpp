#include "EngineTestCase.h"
#include "store/ExtensionRepository.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/Migrator.h"
#include "store/ProfileRepository.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline::store;

namespace {

QJsonObject callerId() {
    return QJsonObject{
        {u"uri"_s, u"http://127.0.0.1:8080/restapi/v1.0/account/1/extension/e1/caller-id"_s},
        {u"byFeature"_s,
         QJsonArray{QJsonObject{
             {u"feature"_s, u"RingOut"_s},
             {u"callerId"_s,
              QJsonObject{{u"type"_s, u"PhoneNumber"_s},
                          {u"phoneInfo"_s, QJsonObject{{u"id"_s, u"42"_s},
                                                       {u"uri"_s, u"http://127.0.0.1:8080/n/42"_s},
                                                       {u"phoneNumber"_s, u"+4930123456"_s}}}}}}}},
        {u"extensionNameForOutboundCalls"_s, false}};
}

// callerId() with these members of its RingOut entry's phoneInfo replaced.
QJsonObject callerIdWithPhoneInfo(const QJsonObject& changes) {
    QJsonObject result = callerId();
    QJsonArray features = result.value(u"byFeature"_s).toArray();
    QJsonObject entry = features.at(0).toObject();
    QJsonObject id = entry.value(u"callerId"_s).toObject();
    QJsonObject phoneInfo = id.value(u"phoneInfo"_s).toObject();
    for (auto it = changes.begin(); it != changes.end(); ++it)
        phoneInfo.insert(it.key(), it.value());
    id.insert(u"phoneInfo"_s, phoneInfo);
    entry.insert(u"callerId"_s, id);
    features.replace(0, entry);
    result.insert(u"byFeature"_s, features);
    return result;
}

QJsonObject notifications() {
    return QJsonObject{
        {u"emailAddresses"_s, QJsonArray{u"anna@example.com"_s, u"office@example.com"_s}},
        {u"includeManagers"_s, true},
        {u"voicemails"_s,
         QJsonObject{{u"notifyByEmail"_s, true}, {u"includeAttachment"_s, false}, {u"markAsRead"_s, false}}},
        {u"missedCalls"_s, QJsonObject{{u"notifyByEmail"_s, false}, {u"notifyBySms"_s, true}}}};
}

QJsonObject businessHours() {
    return QJsonObject{{u"id"_s, u"business-hours-rule"_s},
                       {u"callHandlingAction"_s, u"UnconditionalForwarding"_s},
                       {u"unconditionalForwarding"_s, QJsonObject{{u"phoneNumber"_s, u"+4989123456"_s}}},
                       {u"voicemail"_s, QJsonObject{{u"enabled"_s, true}}}};
}

QJsonObject sample(const QString& kind) {
    if (kind == ExtensionSettingsRepository::kCallerId)
        return callerId();
    if (kind == ExtensionSettingsRepository::kNotifications)
        return notifications();
    return businessHours();
}

} // namespace

class tst_ExtensionSettingsRepository : public EngineTestCase {
    Q_OBJECT

private:
    qint64 m_profile = 0;

    bool addExtensions(TestDatabase& test, const QString& profileName = u"Test office"_s) {
        m_profile = test.addProfileWithExtensions(profileName);
        return m_profile > 0;
    }

    static void addKindRows() {
        QTest::addColumn<QString>("kind");
        for (const QString& kind : ExtensionSettingsRepository::kinds())
            QTest::newRow(qPrintable(kind)) << kind;
    }

private slots:

    void neverFetchedIsNullopt() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QVERIFY(addExtensions(test));
        ExtensionSettingsRepository repository(test.database());
        QString error;
        for (const QString& kind : ExtensionSettingsRepository::kinds()) {
            QVERIFY(!repository.get(m_profile, u"e1"_s, kind, &error));
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QVERIFY(!repository.syncedAt(m_profile, u"e1"_s, kind));
        }
    }

    void putThenGetRoundTrips_data() { addKindRows(); }
    void putThenGetRoundTrips() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QFETCH(QString, kind);
        QVERIFY(addExtensions(test));
        ExtensionSettingsRepository repository(test.database());
        const QDateTime before = QDateTime::currentDateTimeUtc().addMSecs(-1);
        QString error;
        QVERIFY2(repository.put(m_profile, u"e1"_s, kind, sample(kind), &error), qPrintable(error));
        QCOMPARE(repository.get(m_profile, u"e1"_s, kind), std::optional<QJsonObject>(sample(kind)));
        const std::optional<QDateTime> synced = repository.syncedAt(m_profile, u"e1"_s, kind);
        QVERIFY(synced);
        QVERIFY(*synced >= before && *synced <= QDateTime::currentDateTimeUtc());
        // Only that kind of that extension was stored.
        for (const QString& other : ExtensionSettingsRepository::kinds()) {
            if (other != kind)
                QVERIFY(!repository.get(m_profile, u"e1"_s, other));
        }
        QVERIFY(!repository.get(m_profile, u"e2"_s, kind));
    }

    void putReplacesAndStoresVersion() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QVERIFY(addExtensions(test));
        ExtensionSettingsRepository repository(test.database());
        const QString kind = ExtensionSettingsRepository::kBusinessHours;
        QVERIFY(repository.put(m_profile, u"e1"_s, kind, businessHours()));
        QJsonObject changed = businessHours();
        changed.insert(u"callHandlingAction"_s, u"TakeMessagesOnly"_s);
        QVERIFY(repository.put(m_profile, u"e1"_s, kind, changed));
        QCOMPARE(repository.get(m_profile, u"e1"_s, kind), std::optional<QJsonObject>(changed));
        QSqlQuery query(test.database().connection());
        QVERIFY(query.exec(u"SELECT count(*), MAX(version) FROM extension_settings"_s) && query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QCOMPARE(query.value(1).toString(), ExtensionSettingsRepository::versionOf(changed));
    }

    void versionIsTheFingerprintOfTheDocumentWithoutItsUris() {
        // Stored versions outlive releases (a pending change carries one as its base): the text a
        // version is taken from must stay exactly this, URIs dropped at every depth, keys sorted.
        const QJsonObject document =
            QJsonDocument::fromJson(R"({"uri":"http://x/1","b":[{"uri":"u","n":1},[{"uri":"y"}],2],)"
                                    R"("a":{"uri":"v","c":{"uri":"w","d":true}},"e":"f"})")
                .object();
        const QByteArray text = R"({"a":{"c":{"d":true}},"b":[{"n":1},[{}],2],"e":"f"})";
        const QString expected = QString::fromLatin1(
            QCryptographicHash::hash(QByteArray("10\x1f" + text + "\x1e"), QCryptographicHash::Sha1).toHex());
        QCOMPARE(ExtensionSettingsRepository::versionOf(document), expected);

        // The document is stored whole, URIs and all, under that version.
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QVERIFY(addExtensions(test));
        ExtensionSettingsRepository repository(test.database());
        const QString kind = ExtensionSettingsRepository::kCallerId;
        QVERIFY(repository.put(m_profile, u"e1"_s, kind, document));
        QCOMPARE(repository.get(m_profile, u"e1"_s, kind), std::optional<QJsonObject>(document));
        QSqlQuery query(test.database().connection());
        QVERIFY(query.exec(u"SELECT version FROM extension_settings"_s) && query.next());
        QCOMPARE(query.value(0).toString(), expected);
    }

    void versionFollowsContentNotAddresses_data() {
        QTest::addColumn<QJsonObject>("other");
        QTest::addColumn<bool>("same");
        const QString movedNumberUri = u"http://127.0.0.1:41234/n/42"_s;
        QJsonObject moved = callerIdWithPhoneInfo({{u"uri"_s, movedNumberUri}});
        moved.insert(u"uri"_s, u"http://127.0.0.1:41234/restapi/v1.0/account/1/extension/e1/caller-id"_s);
        QTest::newRow("other server address") << moved << true;

        const QJsonObject otherNumber =
            callerIdWithPhoneInfo({{u"uri"_s, movedNumberUri}, {u"id"_s, u"43"_s}});
        QTest::newRow("other number") << otherNumber << false;

        QJsonObject flag = callerId();
        flag.insert(u"extensionNameForOutboundCalls"_s, true);
        QTest::newRow("flag flipped") << flag << false;

        QJsonObject extra = callerId();
        extra.insert(u"extensionNumberForInternalCalls"_s, false);
        QTest::newRow("member added") << extra << false;

        QJsonObject stringly = callerId();
        stringly.insert(u"extensionNameForOutboundCalls"_s, u"false"_s);
        QTest::newRow("string instead of bool") << stringly << false;
    }
    void versionFollowsContentNotAddresses() {
        QFETCH(QJsonObject, other);
        QFETCH(bool, same);
        QCOMPARE(ExtensionSettingsRepository::versionOf(other) ==
                     ExtensionSettingsRepository::versionOf(callerId()),
                 same);
    }

    void unknownKindIsRefused() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QVERIFY(addExtensions(test));
        ExtensionSettingsRepository repository(test.database());
        QString error;
        QVERIFY(!repository.put(m_profile, u"e1"_s, u"holidayRules"_s, businessHours(), &error));
        QVERIFY2(error.contains(u"\"holidayRules\" is not a kind of extension settings"_s),
                 qPrintable(error));
        QVERIFY(!repository.get(m_profile, u"e1"_s, u"holidayRules"_s));
    }

    void unknownExtensionIsRefused() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QVERIFY(addExtensions(test));
        ExtensionSettingsRepository repository(test.database());
        QString error;
        QVERIFY(!repository.put(m_profile, u"nope"_s, ExtensionSettingsRepository::kNotifications,
                                notifications(), &error));
        QVERIFY2(error.startsWith(u"Cannot save the notification settings of extension nope"_s),
                 qPrintable(error));
    }

    void settingsGoWithTheirExtensionAndProfile() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QVERIFY(addExtensions(test));
        const qint64 first = m_profile;
        QVERIFY(addExtensions(test, u"Second office"_s));
        const qint64 second = m_profile;
        ExtensionSettingsRepository repository(test.database());
        for (const qint64 profile : {first, second}) {
            for (const QString& extension : {u"e1"_s, u"e2"_s}) {
                for (const QString& kind : ExtensionSettingsRepository::kinds())
                    QVERIFY(repository.put(profile, extension, kind, sample(kind)));
            }
        }
        QVERIFY(ExtensionRepository(test.database()).remove(first, u"e1"_s));
        for (const QString& kind : ExtensionSettingsRepository::kinds()) {
            QVERIFY(!repository.get(first, u"e1"_s, kind));
            QVERIFY(repository.get(first, u"e2"_s, kind));
            QVERIFY(repository.get(second, u"e1"_s, kind));
        }
        QVERIFY(ProfileRepository(test.database()).remove(second));
        QSqlQuery query(test.database().connection());
        QVERIFY(query.exec(u"SELECT count(*) FROM extension_settings WHERE profile_id = "_s +
                           QString::number(second)) &&
                query.next());
        QCOMPARE(query.value(0).toInt(), 0);
    }

    void corruptDocumentIsReported() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        QVERIFY(addExtensions(test));
        ExtensionSettingsRepository repository(test.database());
        QVERIFY(repository.put(m_profile, u"e1"_s, ExtensionSettingsRepository::kCallerId, callerId()));
        QSqlQuery query(test.database().connection());
        query.prepare(u"UPDATE extension_settings SET json = ? WHERE extension_id = ?"_s);
        query.addBindValue(u"[1, 2"_s);
        query.addBindValue(u"e1"_s);
        QVERIFY(query.exec());
        QString error;
        QVERIFY(!repository.get(m_profile, u"e1"_s, ExtensionSettingsRepository::kCallerId, &error));
        QVERIFY2(error.startsWith(u"The stored caller ID of extension e1 is not a JSON object"_s),
                 qPrintable(error));
    }

    void upgradeFromVersion3KeepsData() {
        TRUNKLINE_OPEN_UNMIGRATED_TEST_DATABASE(test);
        QString error;
        QVERIFY2(Migrator(test.database()).migrateTo(3, &error), qPrintable(error));
        QVERIFY(addExtensions(test));
        QVERIFY2(Migrator(test.database()).migrate(&error), qPrintable(error));
        QVERIFY(Migrator(test.database()).currentVersion(&error) >= 4);
        ExtensionSettingsRepository repository(test.database());
        QVERIFY2(repository.put(m_profile, u"e2"_s, ExtensionSettingsRepository::kNotifications,
                                notifications(), &error),
                 qPrintable(error));
        QCOMPARE(ExtensionRepository(test.database()).list(m_profile).size(), 2);
    }
};

QTEST_GUILESS_MAIN(tst_ExtensionSettingsRepository)
#include "tst_ExtensionSettingsRepository.moc"
