#include "secrets/SecretStore.h"

#include <QEventLoop>

using namespace Qt::StringLiterals;

namespace trunkline::secrets {

QString SecretKey::toString() const {
    return u"profile/%1/%2"_s.arg(profileId).arg(provider);
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
    return {SecretError::NotFound,
            tr("No secret is stored for profile %1 (%2).").arg(QString::number(key.profileId), key.provider),
            {}};
}

SecretResult SecretStore::noService() {
    return {
        SecretError::NoService,
        tr("No keychain service is available (Secret Service/D-Bus): start gnome-keyring or KWallet, then "
           "try again."),
        {}};
}

} // namespace trunkline::secrets
