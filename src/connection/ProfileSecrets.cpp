#include "connection/ProfileSecrets.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace trunkline::connection {

namespace {

const auto kOrigin = u"origin"_s;
const auto kAccount = u"account"_s;
const auto kSecret = u"secret"_s;

struct Unwrapped {
    SecretBinding binding;
    QString secret;
};

std::optional<Unwrapped> unwrap(const QString& stored) {
    const QJsonObject object = QJsonDocument::fromJson(stored.toUtf8()).object();
    if (!object.value(kOrigin).isString() || !object.value(kSecret).isString())
        return std::nullopt;
    return Unwrapped{{object.value(kOrigin).toString(), object.value(kAccount).toString()},
                     object.value(kSecret).toString()};
}

void later(const ProfileSecrets::Loaded& done, const QString& error) {
    QTimer::singleShot(0, [done, error] { done(std::nullopt, error); });
}

} // namespace

SecretBinding SecretBinding::of(const store::Profile& profile) {
    const QUrl url(profile.baseUrl);
    const QString scheme = url.scheme().toLower();
    // The default port written out, so "https://x" and "https://x:443" are one origin.
    QUrl origin;
    origin.setScheme(scheme);
    origin.setHost(url.host().toLower());
    origin.setPort(url.port(scheme == "http"_L1 ? 80 : 443));
    return {origin.toString(), profile.accountId};
}

QString SecretBinding::text() const {
    return accountId.isEmpty() ? origin : ProfileSecrets::tr("%1, account %2").arg(origin, accountId);
}

ProfileSecrets::ProfileSecrets(secrets::SecretStore& store)
    : m_store(store) {
}

QString ProfileSecrets::wrap(const SecretBinding& binding, const QString& serialized) {
    const QJsonObject object{{kOrigin, binding.origin}, {kAccount, binding.accountId}, {kSecret, serialized}};
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

void ProfileSecrets::load(const store::Profile& profile, Loaded done) {
    if (profile.uuid.isEmpty()) {
        later(done, tr("The profile has no UUID; open its database with this version of Trunkline so that "
                       "it gets one."));
        return;
    }
    secrets::SecretStore* store = &m_store;
    const secrets::SecretKey key = secrets::SecretKey::forProfile(profile.uuid, profile.provider);
    store->load(key, [store, profile, done](const secrets::SecretResult& result) {
        if (result.ok())
            handOut(profile, result.secret, done);
        else if (result.error == secrets::SecretError::NotFound)
            moveLegacy(*store, profile, result.message, done); // the old key is read only now: once
        else
            done(std::nullopt, result.message);
    });
}

void ProfileSecrets::handOut(const store::Profile& profile, const QString& stored, const Loaded& done) {
    const std::optional<Unwrapped> unwrapped = unwrap(stored);
    if (!unwrapped) {
        done(std::nullopt,
             tr("The stored secret is unreadable. Enter it again: trunkline-cli profiles set-secret “%1”.")
                 .arg(profile.name));
        return;
    }
    const SecretBinding now = SecretBinding::of(profile);
    if (unwrapped->binding != now) {
        done(std::nullopt,
             tr("The stored secret was entered for %1, but the profile now points to %2. Trunkline does not "
                "send it anywhere else: if the new address is right, an administrator must enter the secret "
                "again (trunkline-cli profiles set-secret “%3”).")
                 .arg(unwrapped->binding.text(), now.text(), profile.name));
        return;
    }
    done(unwrapped->secret, QString());
}

void ProfileSecrets::moveLegacy(secrets::SecretStore& store, const store::Profile& profile,
                                const QString& notFound, const Loaded& done) {
    secrets::SecretStore* keychain = &store;
    const secrets::SecretKey legacy = secrets::SecretKey::legacy(profile.id, profile.provider);
    keychain->load(legacy, [keychain, profile, legacy, notFound, done](const secrets::SecretResult& old) {
        if (old.error == secrets::SecretError::NotFound) {
            done(std::nullopt,
                 tr("%1 Enter it with: trunkline-cli profiles set-secret “%2”.").arg(notFound, profile.name));
            return;
        }
        if (!old.ok()) {
            done(std::nullopt, old.message);
            return;
        }
        // Bound to the profile as it is now: the old entry never said where it belonged.
        const QString wrapped = wrap(SecretBinding::of(profile), old.secret);
        const secrets::SecretKey key = secrets::SecretKey::forProfile(profile.uuid, profile.provider);
        keychain->save(
            key, wrapped, [keychain, profile, legacy, wrapped, done](const secrets::SecretResult& saved) {
                if (!saved.ok()) {
                    done(std::nullopt, saved.message);
                    return;
                }
                // A copy left behind could be taken by another database with this row id: a failed delete
                // is reported, not ignored.
                keychain->remove(legacy, [profile, wrapped, done](const secrets::SecretResult& removed) {
                    if (!removed.ok())
                        done(std::nullopt, removed.message);
                    else
                        handOut(profile, wrapped, done);
                });
            });
    });
}

secrets::SecretResult ProfileSecrets::save(const store::Profile& profile, const QString& serialized) {
    if (profile.uuid.isEmpty())
        return {secrets::SecretError::Failed, tr("The profile has no UUID; it was not stored yet."), {}};
    return m_store.saveAndWait(secrets::SecretKey::forProfile(profile.uuid, profile.provider),
                               wrap(SecretBinding::of(profile), serialized));
}

secrets::SecretResult ProfileSecrets::remove(const store::Profile& profile, const QString& provider) {
    if (!profile.uuid.isEmpty()) {
        const secrets::SecretResult removed =
            m_store.removeAndWait(secrets::SecretKey::forProfile(profile.uuid, provider));
        if (!removed.ok())
            return removed;
    }
    return m_store.removeAndWait(secrets::SecretKey::legacy(profile.id, provider));
}

} // namespace trunkline::connection
