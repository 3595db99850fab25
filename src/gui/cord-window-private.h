/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What cord-window.c and cord-window-actions.c share: the window's fields and internal helpers. */
#pragma once

#include "cord-palette.h"
#include "cord-window.h"

G_BEGIN_DECLS

/* What a banner's button does. */
typedef enum {
  CORD_WINDOW_FIX_NONE,
  CORD_WINDOW_FIX_SAVE_AS,      /* saving failed: choose another place */
  CORD_WINDOW_FIX_OPEN,         /* opening failed: choose another lab */
} CordWindowFix;

struct _CordWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets. */
  GtkHeaderBar         *header_bar;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkWidget            *busy_spinner;
  GMenu                *recent_menu;
  GtkInfoBar           *info_bar;
  GtkLabel             *info_title;
  GtkLabel             *info_detail;
  CordCanvas           *canvas;
  GtkWidget            *empty_hint;
  GtkRevealer          *busy_revealer;
  GtkLabel             *busy_label;
  GtkProgressBar       *busy_progress;
  GtkLabel             *zoom_label;
  CordPalette          *palette;
  GtkLabel             *clock_label;
  GtkWidget            *realtime_button;
  GtkWidget            *simulation_button;

  CordDocument         *document;
  CordTopology         *topology;         /* the document's, watched */
  gulong                history_handler;
  gboolean              banner_transient; /* goes with the next edit */
  GtkWidget            *info_button;
  CordWindowFix         info_fix;
  GCancellable         *cancellable;
  guint                 pulse_source;
  guint                 reveal_source;
  guint                 busy_count;
  gboolean              loading;
  guint                 clock_source;
  GHashTable           *device_windows;   /* CordDevice* → CordDeviceWindow* */

  /* PATCHCORD_TEST_GEOMETRY: where widgets are, for the GUI tests. */
  char                 *geometry_path;
  char                 *geometry_written;
  guint                 geometry_source;

  /* Closing. */
  GtkWidget            *close_dialog;
  CordWindowCloseFunc   close_func;
  gpointer              close_data;
  gboolean              close_confirmed;
  gboolean              close_after_save;
};

void     _cord_window_update_actions  (CordWindow    *self);
void     _cord_window_install_actions (CordWindow    *self);
/* Shows progress over the canvas while something runs in the background;
 * calls nest. */
void     _cord_window_begin_busy      (CordWindow    *self,
                                       const char    *message);
void     _cord_window_end_busy        (CordWindow    *self);
void     _cord_window_show_banner     (CordWindow    *self,
                                       const char    *title,
                                       const char    *detail,
                                       CordWindowFix  fix);
/* Saves the lab; asks for a file first when it has none or @save_as is
 * set. @done (may be NULL) learns whether it was saved. */
void     _cord_window_save            (CordWindow    *self,
                                       gboolean       save_as,
                                       void         (*done) (CordWindow *self,
                                                             gboolean    saved));
/* Writes the lab as a PNG, SVG or PDF image, by @path's extension, in
 * the background. */
void     _cord_window_export          (CordWindow    *self,
                                       const char    *path);
void     _cord_window_add_recent      (CordWindow    *self,
                                       GFile         *file);

G_END_DECLS
