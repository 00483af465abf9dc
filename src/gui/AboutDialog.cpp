#include "gui/AboutDialog.h"

#include "gui/Retranslate.h"
#include "gui/TextStyle.h"
#include "gui/Version.h"
#include "ui_AboutDialog.h"

#include <QEvent>
#include <QIcon>

using namespace Qt::StringLiterals;

namespace trunkline::gui {

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::AboutDialog>()) {
    m_ui->setupUi(this);

    m_ui->iconLabel->setPixmap(QIcon(u":/icons/trunkline.svg"_s).pixmap(QSize(96, 96), devicePixelRatioF()));

    text::makeHeading(m_ui->nameLabel, 1.8);

    for (QLabel* label : {m_ui->licenceLabel, m_ui->qtVersionLabel, m_ui->libraryLabel}) {
        label->setTextInteractionFlags(Qt::TextBrowserInteraction);
        label->setOpenExternalLinks(true);
    }
    retranslate();

    // Word-wrapped labels: size the dialog from the height its text needs at a pleasant width.
    constexpr int width = 580;
    resize(width, hasHeightForWidth() ? heightForWidth(width) : sizeHint().height());
}

AboutDialog::~AboutDialog() = default;

void AboutDialog::changeEvent(QEvent* event) {
    retranslateOnLanguageChange(event, *m_ui, this, [this] { retranslate(); });
    QDialog::changeEvent(event);
}

void AboutDialog::retranslate() {
    m_ui->versionLabel->setText(tr("Version %1").arg(QLatin1StringView(kVersion)));
    // UNCONFIRMED: the project has not published a licence yet; the SPDX id comes from CMake
    // (TRUNKLINE_LICENSE) so that the About box, the AppStream file and the package agree.
    m_ui->licenceLabel->setText(
        tr("Distributed under the %1 licence, without any warranty.").arg(QLatin1StringView(kLicenseSpdx)));
    const QString builtWith = QStringLiteral(QT_VERSION_STR);
    const QString runningOn = QString::fromLatin1(qVersion());
    m_ui->qtVersionLabel->setText(builtWith == runningOn
                                      ? tr("Built with Qt %1.").arg(builtWith)
                                      : tr("Built with Qt %1, running on Qt %2.").arg(builtWith, runningOn));
    m_ui->libraryLabel->setText(tr("Phone numbers are parsed and validated with Google's libphonenumber "
                                   "(Apache License 2.0). Provider secrets are kept in the system "
                                   "keychain through QtKeychain."));
}

} // namespace trunkline::gui
