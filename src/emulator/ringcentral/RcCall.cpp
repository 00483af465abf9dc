#include "emulator/ringcentral/RcCall.h"

#include "emulator/ringcentral/RcErrors.h"
#include "emulator/ringcentral/RingCentralService.h"

#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::ringcentral {

QByteArray RcRecordCache::record(const std::vector<RcPhoneNumber>& numbers, std::size_t index,
                                 const QString& base, const std::function<QJsonObject()>& render) {
    return cached(m_numbers, index, numbers.size(), base, render);
}

QByteArray RcRecordCache::record(const std::vector<RcExtension>& extensions, std::size_t index,
                                 const QString& base, const std::function<QJsonObject()>& render) {
    return cached(m_extensions, index, extensions.size(), base, render);
}

void RcRecordCache::clear() {
    m_numbers.clear();
    m_extensions.clear();
}

QByteArray RcRecordCache::cached(std::vector<QByteArray>& cache, std::size_t index, std::size_t count,
                                 const QString& base, const std::function<QJsonObject()>& render) {
    if (base != m_base) {
        clear();
        m_base = base;
    }
    if (cache.size() != count)
        cache.assign(count, QByteArray());
    QByteArray& slot = cache[index];
    if (slot.isEmpty())
        slot = QJsonDocument(render()).toJson(QJsonDocument::Compact);
    return slot;
}

QString RcCall::accountUri() const {
    return base + u"/restapi/v1.0/account/"_s + QString::number(account.directory.accountId);
}

QString RcCall::extensionUri(qint64 extensionId) const {
    return accountUri() + u"/extension/"_s + QString::number(extensionId);
}

EmulatorResponse jsonResponse(const QJsonObject& object, int status) {
    EmulatorResponse response;
    response.status = status;
    response.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return response;
}

EmulatorResponse noContent() {
    EmulatorResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

EmulatorResponse rateExceeded(const QList<QPair<QByteArray, QByteArray>>& headers) {
    EmulatorResponse response =
        RcErrors::api(429, u"CMN-301"_s, RingCentralService::tr("Request rate exceeded"));
    response.headers = headers;
    return response;
}

QString isoTime(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace trunkline::emulator::ringcentral
