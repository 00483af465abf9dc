#include "core/PortOrderDetails.h"
#include "emulator/telnyx/TelnyxApi.h"
#include "emulator/telnyx/TelnyxErrors.h"
#include "emulator/telnyx/TelnyxWire.h"

#include <QCryptographicHash>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

EmulatorResponse TelnyxDocumentsApi::create(TelnyxState& state, const EmulatorRequest& request) {
    QJsonObject body;
    if (auto error = parseObject(request.body, &body))
        return *error;
    QList<TelnyxError> errors;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key() == u"url")
            errors.append(TelnyxErrors::badRequest(
                tr("The emulator fetches no documents from a URL; send the file inline (/file, base64)."),
                u"/url"_s));
        else if (it.key() != u"file" && it.key() != u"filename" && it.key() != u"customer_reference")
            errors.append(TelnyxErrors::badRequest(tr("Unknown field /%1.").arg(it.key()), u'/' + it.key()));
    }
    const QString fileName = body.value(u"filename"_s).toString();
    if (fileName.trimmed().isEmpty())
        errors.append(TelnyxErrors::missing(u"/filename"_s, tr("/filename must be present.")));
    const auto decoding = QByteArray::fromBase64Encoding(body.value(u"file"_s).toString().toLatin1(),
                                                         QByteArray::AbortOnBase64DecodingErrors);
    const QByteArray file = decoding ? decoding.decoded : QByteArray();
    const QString contentType = core::OrderDetailsRules::documentContentType(file);
    if (!body.value(u"file"_s).isString())
        errors.append(TelnyxErrors::missing(u"/file"_s, tr("/file must be present (the file, base64).")));
    else if (file.isEmpty())
        errors.append(TelnyxErrors::badRequest(tr("/file is not base64 or is empty."), u"/file"_s));
    else if (file.size() > kMaxBytes)
        errors.append(TelnyxErrors::badRequest(
            tr("/file has %1 bytes; at most %2 are taken.").arg(file.size()).arg(kMaxBytes), u"/file"_s));
    else if (contentType.isEmpty())
        errors.append(TelnyxErrors::badRequest(tr("/file must be a PDF, JPEG or PNG file."), u"/file"_s));
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    const QString now = TelnyxRecords::timestamp(state.clock.now());
    QJsonObject document{
        {u"id"_s, state.newId()},
        {u"record_type"_s, u"document"_s},
        {u"filename"_s, fileName},
        {u"content_type"_s, contentType},
        {u"size"_s, QJsonObject{{u"amount"_s, qint64(file.size())}, {u"unit"_s, u"bytes"_s}}},
        {u"sha256"_s,
         QString::fromLatin1(QCryptographicHash::hash(file, QCryptographicHash::Sha256).toHex())},
        {u"status"_s, u"pending"_s},
        {u"customer_reference"_s, body.value(u"customer_reference"_s)},
        {u"created_at"_s, now},
        {u"updated_at"_s, now}};
    state.data.documents.append(document);
    return jsonResponse(200, QJsonObject{{u"data"_s, document}});
}

EmulatorResponse TelnyxDocumentsApi::get(TelnyxState& state, const QString& id) {
    for (const QJsonObject& document : std::as_const(state.data.documents)) {
        if (document.value(u"id"_s).toString() == id)
            return jsonResponse(200, QJsonObject{{u"data"_s, document}});
    }
    return TelnyxErrors::response(404, TelnyxErrors::notFound(tr("Document %1 was not found.").arg(id)));
}

bool TelnyxDocumentsApi::exists(const TelnyxState& state, const QString& id) {
    return std::any_of(state.data.documents.cbegin(), state.data.documents.cend(),
                       [&](const QJsonObject& document) { return document.value(u"id"_s).toString() == id; });
}

} // namespace trunkline::emulator::telnyx
