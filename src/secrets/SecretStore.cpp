#include "secrets/SecretStore.h"

#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace trunkline::secrets {

SecretKey SecretKey::forProfile(const QString& profileUuid, const QString& provider) {
    return {u"account/"_s + profileUuid, provider};
}

SecretKey SecretKey::legacy(qint64 profileId, const QString& provider) {
    return {u"profile/"_s + QString::number(profileId), provider};
}

QString SecretKey::toString() const {
    return scope + u'/' + provider;
}

SecretResult SecretStore::saveAndWait(const SecretKey& key, const QString& secret) {
    return wait([&](Callback done) { save(key, secret, std::move(done)); });
}

SecretResult SecretStore::loadAndWait(const SecretKey& key) {
    return wait([&](Callback done) { load(key, std::move(done)); });
}

SecretResult SecretStore::removeAndWait(const SecretKey& key) {
    return wait([&](Callback done) { remove(key, std::move(done)); });
}

SecretResult SecretStore::wait(const std::function<void(Callback)>& start) {
    QEventLoop loop;
    SecretResult result;
    bool finished = false;
    start([&](const SecretResult& r) {
        result = r;
        finished = true;
        loop.quit();
    });
    if (!finished) {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    return result;
}

SecretResult SecretStore::notFound(const SecretKey& key) {
    return {
        SecretError::NotFound, tr("No %1 secret of this profile is in the keychain.").arg(key.provider), {}};
}

SecretResult SecretStore::noService() {
    return {
        SecretError::NoService,
        tr("No keychain service is available (Secret Service/D-Bus): start gnome-keyring or KWallet, then "
           "try again."),
        {}};
}

} // namespace trunkline::secrets
