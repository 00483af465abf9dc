#pragma once

#include "emulator/ProviderService.h"
#include "emulator/ringcentral/RcDirectory.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <vector>

namespace trunkline::emulator {
class Clock;
}

namespace trunkline::emulator::ringcentral {

class RcTokenStore;

// Serialised records of the two big lists (account numbers, extensions by directory index), made once and
// reused until the next change or a request with another Host (the records carry absolute uris).
class RcRecordCache {
public:
    // The record at `index` of the directory's list, rendered on first use.
    QByteArray record(const std::vector<RcPhoneNumber>& numbers, std::size_t index, const QString& base,
                      const std::function<QJsonObject()>& render);
    QByteArray record(const std::vector<RcExtension>& extensions, std::size_t index, const QString& base,
                      const std::function<QJsonObject()>& render);
    void clear();

private:
    QByteArray cached(std::vector<QByteArray>& cache, std::size_t index, std::size_t count,
                      const QString& base, const std::function<QJsonObject()>& render);

    QString m_base;
    std::vector<QByteArray> m_numbers;
    std::vector<QByteArray> m_extensions;
};

// The account's data the API handlers work on. Owned by RingCentralService and guarded by its mutex.
struct RcAccountState {
    RcDirectory directory;
    const Clock* clock = nullptr;
    RcTokenStore* tokens = nullptr; // deleting an extension ends its sessions
    RcRecordCache records;
};

// One authenticated API request being served: what every handler of src/emulator/ringcentral/Rc*Api gets.
struct RcCall {
    const EmulatorRequest& request;
    RcAccountState& account;
    QString base; // "http://127.0.0.1:<port>", from the Host header
    RcExtension* caller = nullptr;
    bool admin = false;

    RcDirectory& directory() const { return account.directory; }
    QString accountUri() const; // <base>/restapi/v1.0/account/<id>
    QString extensionUri(qint64 extensionId) const;
};

// The answers every handler gives.
EmulatorResponse jsonResponse(const QJsonObject& object, int status = 200);
EmulatorResponse noContent();
// 429 CMN-301 with the given headers: the rate limiter's X-Rate-Limit-*, or Retry-After of an injected fault.
EmulatorResponse rateExceeded(const QList<QPair<QByteArray, QByteArray>>& headers);
QString isoTime(qint64 ms);

} // namespace trunkline::emulator::ringcentral
