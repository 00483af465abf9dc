#include "BenchAccount.h"

#include "connection/ProfileSecrets.h"
#include "connection/ProviderSecret.h"
#include "core/PhoneNumberRecord.h"
#include "store/Database.h"
#include "store/ProfileRepository.h"

#include <QFile>
#include <QHash>
#include <QTextStream>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace trunkline::bench {

namespace {

QHash<QString, QString> credentialsFromStandardInput() {
    QHash<QString, QString> pairs;
    QTextStream in(stdin);
    for (QString line = in.readLine(); !line.isNull(); line = in.readLine()) {
        if (!line.startsWith(u"ringcentral-admin "_s))
            continue;
        for (const QString& word : line.split(u' ', Qt::SkipEmptyParts))
            if (const qsizetype eq = word.indexOf(u'='); eq > 0)
                pairs.insert(word.left(eq), word.mid(eq + 1));
    }
    return pairs;
}

} // namespace

bool BenchAccount::create(const QString& databasePath, const QString& baseUrl, secrets::SecretStore& secrets,
                          QString* error) {
    const QHash<QString, QString> credentials = credentialsFromStandardInput();
    if (credentials.value(u"jwt"_s).isEmpty()) {
        *error = u"no \"ringcentral-admin client_id=… client_secret=… jwt=…\" line on standard input."_s;
        return false;
    }
    QFile::remove(databasePath);
    database = store::Database::open(databasePath, error);
    if (!database)
        return false;
    profile.name = u"Bench"_s;
    profile.provider = core::kProviderRingCentral.toString();
    profile.baseUrl = baseUrl;
    if (!store::ProfileRepository(*database).add(profile, error))
        return false;
    connection::ProviderSecret secret;
    secret.clientId = credentials.value(u"client_id"_s).toUtf8();
    secret.clientSecret = credentials.value(u"client_secret"_s).toUtf8();
    secret.token = credentials.value(u"jwt"_s).toUtf8();
    if (!connection::ProfileSecrets(secrets).save(profile, secret.serialize(profile.provider)).ok()) {
        *error = u"cannot keep the secret"_s;
        return false;
    }
    return true;
}

} // namespace trunkline::bench
