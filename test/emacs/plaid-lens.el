;;; plaid-lens.el --- Plaid Lens for Emacs 28 and later, with eglot  -*- lexical-binding: t -*-
;; Load it from your init file: (load "~/.emacs.d/plaid-lens.el")
;; The server runs `plaid-lens server --stdio'; set `plaid-lens-command' to run it some other way.
(require 'eglot)

(defvar plaid-lens-command '("plaid-lens" "server" "--stdio")
  "The command that starts the Plaid Lens language server over stdio.")

(defvar plaid-lens-modes
  '(js-mode js-ts-mode typescript-mode typescript-ts-mode tsx-ts-mode python-mode python-ts-mode
    go-mode go-ts-mode java-mode java-ts-mode ruby-mode ruby-ts-mode sh-mode bash-ts-mode
    yaml-mode yaml-ts-mode json-mode json-ts-mode conf-mode markdown-mode text-mode)
  "Major modes whose buffers Plaid Lens checks; set it before loading this file.
Eglot gives a buffer one server: leave out a mode to keep another one.")

(defun plaid-lens--contact (&optional _interactive)
  "Return `plaid-lens-command', read anew each time a server starts."
  plaid-lens-command)

;; `.env', `.env.local' and `production.env' open as configuration files, so they are checked too.
(add-to-list 'auto-mode-alist '("\\(?:\\.env\\|/\\.env\\.[^/]*\\)\\'" . conf-unix-mode))

;; One entry per mode: eglot 1.9 gives each server a single language id, so modes must not share a server.
(dolist (mode plaid-lens-modes)
  (add-to-list 'eglot-server-programs (cons mode #'plaid-lens--contact))
  (add-hook (intern (format "%s-hook" mode)) #'eglot-ensure))

;; Answered to the server's workspace/configuration requests; see "Settings" in the README.
(setq-default eglot-workspace-configuration
              (plist-put (copy-sequence (default-value 'eglot-workspace-configuration))
                         :plaidLens '(:enable t :maxFileSizeKB 1024)))
;;; plaid-lens.el ends here
