#include "net/HttpExchange.h"

namespace trunkline::net {

QByteArray findHeader(const RawHeaders& headers, const QByteArray& name) {
    for (const auto& [key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace trunkline::net
