#pragma once

#include "core/PortingRules.h"
#include "emulator/ProviderService.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

namespace trunkline::emulator::telnyx {

// What the Telnyx resources share on the wire (docs/api/telnyx-porting.md §1): query parameters in either
// spelling, page[number]/page[size] with the {data, meta} envelope, JSON request bodies and small value
// helpers.

// Messages of the free functions here and in the resource files; the resource classes use the service's
// context (Q_DECLARE_TR_FUNCTIONS(TelnyxService)) instead, as the service's own code did.
QString tr(const char* text);

constexpr int kDefaultPageSize = 20;
constexpr int kMaxPageSize = 250;

// The query with normalised keys: "filter[a][b]" and "filter[a.b]" both become "filter.a.b",
// "page[number]" becomes "page.number", a trailing "[]" is dropped. The SDK and the older spec spell
// the same filters differently (docs/api/telnyx-porting.md §1 Pagination, §2 list filters); we accept all.
class Query {
public:
    explicit Query(const QUrlQuery& query);

    bool has(const QString& key) const;
    QString rawKey(const QString& key) const;
    QString value(const QString& key) const;
    // Values of filter.<field>, filter.<field>.eq and filter.<field>.in (comma-split, repeatable).
    QStringList filterValues(const QString& field, bool splitPlain = false) const;
    QStringList sortValues() const;

private:
    struct Item {
        QString key;
        QString value;
        QString raw;
    };
    QList<Item> m_items;
};

struct Paging {
    int number = 1;
    int size = kDefaultPageSize;
};

std::optional<EmulatorResponse> parsePaging(const Query& query, Paging* paging);
EmulatorResponse jsonResponse(int status, const QJsonObject& body);
EmulatorResponse pageResponse(const QList<QJsonObject>& all, const Paging& paging);

// Parses a JSON request body that must be an object. An empty body counts as {}.
std::optional<EmulatorResponse> parseObject(const QByteArray& body, QJsonObject* out);
// An integer that fits an int; nullopt for other types and fractions.
std::optional<int> jsonInt(const QJsonValue& v);
QString typeName(const QJsonValue& v); // "string", "object", ...
bool isUuid(const QString& s);
// The value at a dotted path ("end_user.admin.entity_name"); undefined when a step is missing.
QJsonValue at(const QJsonObject& object, const QString& dottedPath);
// A filterable value as text (booleans as "true"/"false").
QString jsonText(const QJsonValue& v);
// Orders records as a checked sort parameter asks: by the member it names (a dotted path), compared as
// jsonText, "-" in front for descending; records that tie keep their order.
void sortRecords(QList<QJsonObject>& records, const QString& sort);
QString statusText(core::PortingOrderStatus s);

} // namespace trunkline::emulator::telnyx
