#include "emulator/telnyx/TelnyxApi.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

namespace {

// A PDF string literal of Latin-1 text: ( ) \ escaped and every byte outside ASCII written in octal, so
// that Helvetica's WinAnsi encoding shows umlauts and ß.
QByteArray pdfString(const QString& text) {
    QByteArray out = "(";
    for (const char c : text.toLatin1()) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '(' || c == ')' || c == '\\')
            out += '\\' + QByteArray(1, c);
        else if (byte < 32 || byte > 126)
            out += '\\' + QByteArray::number(byte, 8).rightJustified(3, '0');
        else
            out += c;
    }
    return out + ')';
}

// One A4 page of text lines in Helvetica: the smallest complete PDF (catalog, pages, page, font,
// content, cross-reference table with exact offsets).
QByteArray onePagePdf(const QStringList& lines) {
    QByteArray content = "BT /F1 11 Tf 56 780 Td 15 TL\n";
    for (const QString& line : lines)
        content += pdfString(line) + " '\n";
    content += "ET\n";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
        "/Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "endstream"};
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects.at(i) + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace

EmulatorResponse TelnyxPortingOrdersApi::loaTemplate(const TelnyxState& state, const QString& id) {
    qsizetype index = -1;
    if (auto error = state.findOrder(id, &index))
        return *error;
    const QJsonObject order = state.data.orders.at(index);
    QStringList lines = {u"Letter of Authorization (Portierungsvollmacht)"_s,
                         u"Emulated template - not a legal document"_s, QString(), u"Porting order: "_s + id};
    for (const QJsonObject& number : state.data.portingNumbers) {
        if (number.value(u"porting_order_id"_s).toString() == id)
            lines << u"Number to port: "_s + number.value(u"phone_number"_s).toString();
    }
    for (const QJsonObject& extension : state.data.extensions) {
        if (extension.value(u"porting_order_id"_s).toString() != id)
            continue;
        const QJsonObject range = extension.value(u"extension_range"_s).toObject();
        lines << u"Extension range: %1-%2"_s.arg(range.value(u"start_at"_s).toInt())
                     .arg(range.value(u"end_at"_s).toInt());
    }
    // Details not sent yet are left as lines to fill in by hand.
    const QJsonObject admin = order.value(u"end_user"_s).toObject().value(u"admin"_s).toObject();
    auto orBlank = [](const QString& value) {
        return value.isEmpty() ? u"______________________"_s : value;
    };
    lines << QString() << u"End user: "_s + orBlank(admin.value(u"entity_name"_s).toString())
          << u"Authorised person: "_s + orBlank(admin.value(u"auth_person_name"_s).toString()) << QString()
          << u"Signature: ______________________    Date: ____________"_s;
    EmulatorResponse response;
    response.contentType = "application/pdf";
    response.body = onePagePdf(lines);
    return response;
}

} // namespace trunkline::emulator::telnyx
