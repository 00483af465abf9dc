#include "core/Csv.h"

#include <QIODevice>
#include <utility>

namespace trunkline::core {

namespace {

constexpr qint64 kChunkSize = 64 * 1024;

// The triggers, the quote and the separators are ASCII, so the same checks work on UTF-16 text and on
// UTF-8 bytes (a multi-byte UTF-8 sequence never contains an ASCII byte).
char16_t unit(QChar c) {
    return c.unicode();
}
char unit(char c) {
    return c;
}

template <class Char>
bool isFormulaTrigger(Char character) {
    const auto c = unit(character);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// ^\+\d+$ with ASCII digits: a phone number in E.164-like form.
template <class View>
bool isPlusDigits(View field) {
    if (field.size() < 2 || unit(field.front()) != '+') {
        return false;
    }
    for (qsizetype i = 1; i < field.size(); ++i) {
        if (unit(field.at(i)) < '0' || unit(field.at(i)) > '9') {
            return false;
        }
    }
    return true;
}

// Leading quotes are skipped before looking for a trigger so that a value which itself starts with
// "'=" is written as "''=": the reader then strips exactly one quote and the round trip is exact.
template <class View>
bool startsLikeAFormula(View field) {
    if (isPlusDigits(field)) {
        return false;
    }
    qsizetype i = 0;
    while (i < field.size() && unit(field.at(i)) == '\'') {
        ++i;
    }
    return i < field.size() && isFormulaTrigger(field.at(i));
}

} // namespace

CsvOptions CsvOptions::forExcel(const QLocale& locale) {
    CsvOptions options;
    options.writeBom = true;
    options.separator = locale.decimalPoint() == QLatin1Char(',') ? u';' : u',';
    return options;
}

CsvWriter::CsvWriter(QIODevice* device, CsvOptions options)
    : m_device(device)
    , m_options(options)
    , m_bomPending(options.writeBom) {
}

bool CsvWriter::needsNeutralising(QStringView field) {
    return startsLikeAFormula(field);
}

QString CsvWriter::escapeField(const QString& field) const {
    QByteArray escaped;
    appendField(escaped, field.toUtf8());
    return QString::fromUtf8(escaped);
}

// One pass over the field decides quoting; exports write millions of cells, so no copies on the way.
void CsvWriter::appendField(QByteArray& line, QByteArrayView field) const {
    const bool plusDigits = isPlusDigits(field);
    const bool neutralise = m_options.neutraliseFormulas && !plusDigits && startsLikeAFormula(field);
    const char separator = m_options.separator.toLatin1();
    bool quote = plusDigits;
    for (qsizetype i = 0; i < field.size() && !quote; ++i) {
        const char c = field.at(i);
        quote = c == separator || c == '"' || c == '\r' || c == '\n';
    }
    if (quote)
        line += '"';
    if (neutralise)
        line += '\'';
    if (quote) {
        qsizetype start = 0;
        for (qsizetype quoteAt = field.indexOf('"'); quoteAt >= 0; quoteAt = field.indexOf('"', start)) {
            line += field.sliced(start, quoteAt + 1 - start);
            line += '"';
            start = quoteAt + 1;
        }
        line += field.sliced(start);
        line += '"';
    } else {
        line += field;
    }
}

bool CsvWriter::writeRow(const QStringList& fields) {
    QList<QByteArray> utf8;
    utf8.reserve(fields.size());
    QList<QByteArrayView> views;
    views.reserve(fields.size());
    for (const QString& field : fields)
        views << utf8.emplace_back(field.toUtf8());
    return writeRow(views);
}

bool CsvWriter::writeRow(const QList<QByteArrayView>& utf8Fields) {
    m_line.clear(); // keeps its capacity: no allocation per row
    if (m_bomPending) {
        m_bomPending = false;
        m_line += "\xEF\xBB\xBF";
    }
    const char separator = m_options.separator.toLatin1();
    for (qsizetype i = 0; i < utf8Fields.size(); ++i) {
        if (i > 0) {
            m_line += separator;
        }
        appendField(m_line, utf8Fields.at(i));
    }
    m_line += "\r\n";
    return m_device->write(m_line) == m_line.size();
}

CsvReader::CsvReader(QIODevice* device, Options options)
    : m_device(device)
    , m_options(options)
    , m_decoder(QStringDecoder::Utf8) {
}

CsvReader::CsvReader(QIODevice* device)
    : CsvReader(device, Options{}) {
}

bool CsvReader::fillBuffer() {
    if (m_deviceDone) {
        return false;
    }
    // Drop what has been consumed so the buffer stays one chunk or so in size.
    m_buffer.remove(0, m_pos);
    m_pos = 0;
    const QByteArray chunk = m_device->read(kChunkSize);
    if (chunk.isEmpty()) {
        m_deviceDone = true;
        return false;
    }
    const auto before = m_buffer.size();
    m_buffer += m_decoder.decode(chunk);
    if (!m_started && !m_buffer.isEmpty()) {
        m_started = true;
        if (m_buffer.startsWith(QChar(0xFEFF))) {
            m_buffer.remove(0, 1);
        }
    }
    return m_buffer.size() > before || fillBuffer();
}

bool CsvReader::peek(QChar* c) {
    if (m_pos >= m_buffer.size() && !fillBuffer()) {
        return false;
    }
    *c = m_buffer.at(m_pos);
    return true;
}

bool CsvReader::atEnd() {
    QChar c;
    return !peek(&c);
}

QString CsvReader::finishField(QString field) const {
    if (m_options.undoNeutralisation && field.startsWith(u'\'') &&
        CsvWriter::needsNeutralising(QStringView(field).mid(1))) {
        field.remove(0, 1);
    }
    return field;
}

std::optional<QStringList> CsvReader::readRow() {
    if (hasError() || atEnd()) {
        return std::nullopt;
    }
    m_line = m_nextLine;

    QStringList row;
    QString field;
    bool quoted = false;     // the current field started with a quote
    bool inQuotes = false;   // inside the quoted part
    bool afterQuote = false; // the quoted part has been closed
    const QChar separator = m_options.separator;

    auto endField = [&] {
        row.append(finishField(std::exchange(field, QString())));
        quoted = inQuotes = afterQuote = false;
    };

    QChar c;
    while (peek(&c)) {
        ++m_pos;
        if (inQuotes) {
            if (c == u'"') {
                QChar next;
                if (peek(&next) && next == u'"') {
                    ++m_pos;
                    field += u'"';
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
            } else {
                if (c == u'\n') {
                    ++m_nextLine;
                }
                field += c;
            }
            continue;
        }
        if (c == separator) {
            endField();
            continue;
        }
        if (c == u'\r' || c == u'\n') {
            QChar next;
            if (c == u'\r' && peek(&next) && next == u'\n') {
                ++m_pos;
            }
            ++m_nextLine;
            endField();
            return row;
        }
        if (afterQuote) {
            m_error = tr("Line %1: unexpected text after the closing quote of field %2.")
                          .arg(m_nextLine)
                          .arg(row.size() + 1);
            return std::nullopt;
        }
        if (c == u'"' && field.isEmpty() && !quoted) {
            quoted = inQuotes = true;
            continue;
        }
        // A quote inside an unquoted field is not RFC 4180, but spreadsheets write it; keep it as text.
        field += c;
    }

    if (inQuotes) {
        m_error = tr("Line %1: a quoted field is not closed before the end of the file.").arg(m_line);
        return std::nullopt;
    }
    endField();
    return row;
}

QList<QStringList> CsvReader::readAll() {
    QList<QStringList> rows;
    while (auto row = readRow()) {
        rows.append(std::move(*row));
    }
    return rows;
}

} // namespace trunkline::core
